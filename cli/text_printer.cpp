// Human-readable output, with optional colour.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "printer.h"

namespace pressclip::cli {
namespace {

constexpr const char* kIndent = "   ";

// `path` relative to the working directory when it lies inside it, as ripgrep prints.
std::string display_path(const std::string& path) {
  std::error_code error;
  const std::string here = std::filesystem::current_path(error).string() + "/";
  if (!error && path.starts_with(here)) return path.substr(here.size());
  return path;
}

std::string or_placeholder(const std::string& value, const char* placeholder) {
  return value.empty() ? placeholder : value;
}

std::string human_bytes(std::size_t bytes) {
  char buffer[32];
  if (bytes < 1024) {
    std::snprintf(buffer, sizeof buffer, "%zu B", bytes);
  } else if (bytes < (1u << 20)) {
    std::snprintf(buffer, sizeof buffer, "%.1f KiB", static_cast<double>(bytes) / 1024.0);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f MiB", static_cast<double>(bytes) / 1048576.0);
  }
  return buffer;
}

class TextPrinter : public Printer {
 public:
  TextPrinter(std::ostream& out, Styles styles) : out_(out), styles_(std::move(styles)) {}

  void hit(const SearchHit& hit) override {
    const Styles& s = styles_;
    out_ << s.heading << hit.rank << '.' << s.reset << ' ' << s.source
         << or_placeholder(hit.article.source, "(unknown source)") << s.reset << ' ' << s.date
         << or_placeholder(hit.article.date, "(undated)") << s.reset << "  " << s.heading
         << hit.article.title << s.reset << '\n';
    char score[32];
    std::snprintf(score, sizeof score, "%.2f", hit.score);
    out_ << kIndent << s.path << display_path(hit.article.path) << s.reset << ' ' << s.dim
         << "passage " << hit.passage.index << ", score " << score << s.reset << '\n';
    print_passage(hit.passage_text, hit.highlights);
    out_ << '\n';
  }

  void article(const ArticleRecord& record) override {
    const Styles& s = styles_;
    const ArticleMetadata& m = record.metadata;
    out_ << s.heading << "id" << s.reset << "        " << record.id << '\n';
    out_ << s.heading << "path" << s.reset << "      " << record.path << '\n';
    field("title", m.title);
    field("source", m.source);
    field("date", m.date);
    field("url", m.url);
    field("language", m.language);
    out_ << s.heading << "passages" << s.reset << "  " << record.passages.size() << "\n\n";
    for (const PassageSpan& passage : record.passages) {
      out_ << s.dim << '[' << passage.index << "] bytes " << passage.start << '-' << passage.end
           << s.reset << '\n';
      print_passage(record.text.substr(passage.start, passage.end - passage.start), {});
    }
  }

  void stats(const IndexStats& stats) override {
    const Styles& s = styles_;
    out_ << s.heading << "index" << s.reset << "     " << stats.database_path << " (format "
         << stats.format_version << ", " << stats.stemmer_language << " stemmer)\n";
    out_ << s.heading << "articles" << s.reset << "  " << stats.articles << '\n';
    out_ << s.heading << "passages" << s.reset << "  " << stats.passages << '\n';
    out_ << s.heading << "sources" << s.reset << "   ";
    if (stats.sources.empty()) out_ << "(none)";
    for (std::size_t i = 0; i < stats.sources.size(); ++i) {
      out_ << (i ? ", " : "") << s.source << stats.sources[i].first << s.reset << ' '
           << stats.sources[i].second;
    }
    const std::size_t unknown_source = stats.articles - sourced_articles(stats);
    if (unknown_source > 0)
      out_ << (stats.sources.empty() ? " " : ", ") << "unknown " << unknown_source;
    out_ << '\n' << s.heading << "dates" << s.reset << "     ";
    if (stats.earliest_date.empty()) {
      out_ << "(none)";
    } else {
      out_ << s.date << stats.earliest_date << s.reset << " .. " << s.date << stats.latest_date
           << s.reset;
    }
    out_ << " (" << stats.undated_articles << " undated)\n";
  }

  void index_summary(const IndexSummary& summary) override {
    const IndexReport& report = summary.report;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", summary.seconds);
    out_ << "Indexed " << report.articles_indexed << " article"
         << (report.articles_indexed == 1 ? "" : "s") << " (" << human_bytes(report.bytes_indexed)
         << ") in " << seconds << " s into " << summary.database_path << "; "
         << report.files_skipped << " skipped, " << report.files_ignored << " ignored, "
         << report.manifests_read << " manifest" << (report.manifests_read == 1 ? "" : "s")
         << " read.\n";
  }

 private:
  static std::size_t sourced_articles(const IndexStats& stats) {
    std::size_t total = 0;
    for (const auto& source : stats.sources) total += source.second;
    return std::min(total, stats.articles);
  }

  void field(const char* name, const MetadataField& value) {
    const std::string label(name);
    out_ << styles_.heading << label << styles_.reset << std::string(10 - label.size(), ' ')
         << or_placeholder(value.value, "(unknown)") << ' ' << styles_.dim << '('
         << to_string(value.origin) << ')' << styles_.reset << '\n';
  }

  // The passage, each non-blank line indented, highlights styled.
  void print_passage(const std::string& text, const std::vector<Highlight>& highlights) {
    std::size_t next_highlight = 0;
    bool line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (next_highlight < highlights.size() && highlights[next_highlight].start == i) {
        if (line_start) out_ << kIndent;
        line_start = false;
        out_ << styles_.match;
      }
      const char c = text[i];
      if (c == '\n' || c == '\r') {
        if (!line_start) out_ << '\n';
        line_start = true;
      } else {
        if (line_start) out_ << kIndent;
        line_start = false;
        out_ << c;
      }
      if (next_highlight < highlights.size() && highlights[next_highlight].end == i + 1) {
        out_ << styles_.reset;
        ++next_highlight;
      }
    }
    if (!line_start) out_ << '\n';
  }

  std::ostream& out_;
  Styles styles_;
};

}  // namespace

std::unique_ptr<Printer> make_text_printer(std::ostream& out, Styles styles) {
  return std::make_unique<TextPrinter>(out, std::move(styles));
}

void print_warning(const std::string& message) {
  std::cerr << "pressclip: warning: " << message << '\n';
}

}  // namespace pressclip::cli
