// Telling skip reasons apart by the words the library starts them with.
#include "skip_reasons.h"

#include <algorithm>
#include <array>

namespace pressclip::cli {
namespace {

struct KindRule {
  std::string_view marker;  // Words the reason starts with, or holds if `anywhere`.
  bool anywhere;
  std::string_view kind;
};

// The library's skip reasons (article_file, the readers, the walker, manifests), by the
// words each kind starts with. Checked in order: the first rule that matches decides.
constexpr std::array<KindRule, 16> kRules = {{
    {"binary file", false, "binary"},
    {"cannot read manifest", false, "bad manifest"},
    {"cannot read", false, "unreadable"},
    {"read error", false, "unreadable"},
    {"not a regular file", false, "not a regular file"},
    {"larger than an article", true, "too large"},
    {"cannot tell the character encoding", false, "unknown encoding"},
    {"cannot convert", false, "unknown encoding"},
    {"front matter", false, "broken front matter"},
    {"no article", false, "no text"},
    {"no sentences", false, "no text"},
    {"cannot parse the HTML", false, "no text"},
    {"e-mail message", false, "not an e-mail message"},
    {"cannot list the directory", false, "unlistable directory"},
    {"empty file, not a manifest", false, "bad manifest"},
    {"no 'file' column", false, "bad manifest"},
}};

// The kinds in the order ties are listed in.
constexpr std::array<std::string_view, 11> kKindOrder = {"binary",
                                                         "unreadable",
                                                         "not a regular file",
                                                         "too large",
                                                         "unknown encoding",
                                                         "broken front matter",
                                                         "no text",
                                                         "not an e-mail message",
                                                         "unlistable directory",
                                                         "bad manifest",
                                                         "other"};

std::size_t rank_of(std::string_view kind) {
  return static_cast<std::size_t>(std::find(kKindOrder.begin(), kKindOrder.end(), kind) -
                                  kKindOrder.begin());
}

}  // namespace

std::string_view skip_kind(std::string_view reason) {
  for (const KindRule& rule : kRules) {
    if (rule.anywhere ? reason.find(rule.marker) != std::string_view::npos
                      : reason.starts_with(rule.marker)) {
      return rule.kind;
    }
  }
  return "other";
}

std::vector<std::pair<std::string_view, std::size_t>> count_skip_kinds(
    const std::vector<IndexWarning>& warnings) {
  std::vector<std::pair<std::string_view, std::size_t>> counts;
  for (const IndexWarning& warning : warnings) {
    if (!warning.skipped) continue;
    const std::string_view kind = skip_kind(warning.reason);
    auto found = std::find_if(counts.begin(), counts.end(),
                              [&](const auto& count) { return count.first == kind; });
    if (found == counts.end()) {
      counts.emplace_back(kind, 1);
    } else {
      ++found->second;
    }
  }
  std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return rank_of(a.first) < rank_of(b.first);
  });
  return counts;
}

std::string skip_summary(const std::vector<IndexWarning>& warnings) {
  const auto counts = count_skip_kinds(warnings);
  std::size_t total = 0;
  std::string kinds;
  for (const auto& [kind, count] : counts) {
    total += count;
    kinds += (kinds.empty() ? "" : ", ") + std::to_string(count) + ' ' + std::string(kind);
  }
  if (total == 0) return "";
  return std::to_string(total) + (total == 1 ? " file" : " files") + " skipped: " + kinds;
}

}  // namespace pressclip::cli
