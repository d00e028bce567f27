// Human-readable output, with optional colour.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "escaped_text.h"
#include "printer.h"
#include "settings.h"
#include "skip_reasons.h"
#include "timeline_printer.h"

namespace pressclip::cli {
namespace {

constexpr const char* kIndent = "   ";
constexpr std::string_view kEllipsis = "…";
// Values listed per facet in text output at most; --json lists them all.
constexpr std::size_t kMostValuesShown = 12;

// `path` relative to the working directory when it lies inside it, as ripgrep prints;
// escaped (escaped_path).
std::string display_path(const std::string& path) {
  std::error_code error;
  const std::string here = std::filesystem::current_path(error).string() + "/";
  if (!error && path.starts_with(here)) return escaped_path(path.substr(here.size()));
  return escaped_path(path);
}

// `value` made safe for a terminal, or `placeholder` if it is empty.
std::string or_placeholder(const std::string& value, const char* placeholder) {
  return value.empty() ? placeholder : escaped_for_terminal(value);
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

  void query_explanation(const QueryExplanation& explanation,
                         std::size_t matching_articles) override {
    const Styles& s = styles_;
    out_ << s.heading << "query" << s.reset << "     " << explanation.normalised << '\n';
    out_ << s.heading << "parsed" << s.reset << "    " << explanation.parsed << '\n';
    for (std::size_t i = 0; i < explanation.parts.size(); ++i) {
      const QueryPartExplanation& part = explanation.parts[i];
      out_ << s.heading << "part " << i + 1 << s.reset << "    " << part.kind;
      for (const std::string& term : part.terms) {
        // "Z" marks a stem in the index; say so in words.
        out_ << (term.starts_with('Z') ? " stem:" + term.substr(1) : " " + term);
      }
      if (part.kind == "phrase" || part.kind == "near") out_ << " (within " << part.window << ")";
      char idf[32];
      std::snprintf(idf, sizeof idf, "%.2f", part.idf);
      out_ << (part.required ? ", required" : ", optional") << ", idf " << idf;
      out_ << "; matches " << part.form_count << " word" << (part.form_count == 1 ? "" : "s");
      for (std::size_t f = 0; f < part.forms.size(); ++f)
        out_ << (f ? ", " : ": ") << part.forms[f];
      if (part.forms.size() < part.form_count) out_ << ", ...";
      out_ << '\n';
    }
    out_ << s.heading << "matching" << s.reset << "  " << matching_articles << " article"
         << (matching_articles == 1 ? "" : "s") << "\n\n";
  }

  void hit(const SearchHit& hit) override {
    const Styles& s = styles_;
    out_ << s.heading << hit.rank << '.' << s.reset << ' ' << s.source
         << or_placeholder(hit.article.source, "(unknown source)") << s.reset << ' ' << s.date
         << or_placeholder(hit.article.date, "(undated)") << s.reset << "  " << s.heading
         << escaped_for_terminal(hit.article.title) << s.reset << '\n';
    char score[32];
    std::snprintf(score, sizeof score, "%.2f", hit.score);
    out_ << kIndent << s.path
         << or_placeholder(display_path(hit.article.path) +
                               (hit.article.record.empty() ? "" : "#" + hit.article.record),
                           "(added from standard input)")
         << s.reset << ' ' << s.dim << "passage " << hit.passage.index << ", score " << score
         << s.reset << '\n';
    // A passage cut out of a very long sentence shows where it was cut.
    std::string text = hit.passage_text;
    std::vector<Highlight> highlights = hit.highlights;
    if (hit.cut_before) {
      text.insert(0, kEllipsis);
      for (Highlight& highlight : highlights) {
        highlight.start += kEllipsis.size();
        highlight.end += kEllipsis.size();
      }
    }
    if (hit.cut_after) text += kEllipsis;
    print_passage(text, highlights);
    if (hit.explanation) print_score_explanation(*hit.explanation);
    out_ << '\n';
  }

  void article(const ArticleRecord& record) override {
    const Styles& s = styles_;
    const ArticleMetadata& m = record.metadata;
    out_ << s.heading << "id" << s.reset << "        " << record.id << '\n';
    out_ << s.heading << "path" << s.reset << "      "
         << (record.path.empty() ? "(added from standard input)" : escaped_path(record.path))
         << '\n';
    if (!record.record.empty()) {
      out_ << s.heading << "record" << s.reset << "    " << escaped_for_terminal(record.record)
           << '\n';
    }
    for (const std::string& other : record.other_paths) {
      out_ << s.heading << "also" << s.reset << "      " << escaped_path(other) << '\n';
    }
    field("title", m.title);
    field("source", m.source);
    field("date", m.date);
    field("url", m.url);
    field("language", m.language);
    if (m.agencies.empty()) field("agency", {});
    for (const MetadataField& agency : m.agencies) field("agency", agency);
    out_ << s.heading << "charset" << s.reset << "   " << escaped_for_terminal(record.charset)
         << '\n';
    out_ << s.heading << "passages" << s.reset << "  " << record.passages.size() << "\n\n";
    for (const PassageSpan& passage : record.passages) {
      out_ << s.dim << '[' << passage.index << "] bytes " << passage.start << '-' << passage.end
           << s.reset << '\n';
      print_passage(record.text.substr(passage.start, passage.end - passage.start), {});
    }
  }

  void facets(const Facets& facets) override {
    const Styles& s = styles_;
    out_ << s.heading << "matching" << s.reset << "  " << facets.articles << " article"
         << (facets.articles == 1 ? "" : "s") << '\n';
    print_breakdown(facets);
  }

  void timeline(const Timeline& timeline) override {
    out_ << styles_.heading << "timeline" << styles_.reset << "  ";
    if (timeline.bars.empty()) {
      out_ << "(no dated articles)\n";
      return;
    }
    out_ << "by " << to_string(timeline.bucket) << ", " << timeline.bars.front().first_day << " .. "
         << timeline.bars.back().last_day << '\n';
    out_ << render_timeline(timeline, output_columns(), !styles_.reset.empty());
  }

  void missing_shards(const std::vector<MissingShard>& missing) override {
    warn_missing_shards(missing);
  }

  void stats(const IndexStats& stats) override {
    const Styles& s = styles_;
    out_ << s.heading << "index" << s.reset << "     " << escaped_path(stats.database_path)
         << " (format " << stats.index_format_version << ", " << stats.stemmer_language
         << " stemmer)\n";
    if (stats.shards > 1)
      out_ << s.heading << "shards" << s.reset << "    " << stats.shards << '\n';
    out_ << s.heading << "articles" << s.reset << "  " << stats.articles << '\n';
    out_ << s.heading << "passages" << s.reset << "  " << stats.passages << '\n';
    out_ << s.heading << "dates" << s.reset << "     ";
    if (stats.earliest_date.empty()) {
      out_ << "(none)\n";
    } else {
      out_ << s.date << stats.earliest_date << s.reset << " .. " << s.date << stats.latest_date
           << s.reset << '\n';
    }
    print_breakdown(stats.facets);
  }

  void index_summary(const IndexSummary& summary) override {
    const IndexReport& report = summary.report;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", summary.seconds);
    out_ << (report.interrupted ? "Interrupted: " : "") << report.articles_added << " added, "
         << report.articles_updated << " updated, " << report.files_moved << " moved, "
         << report.articles_removed << " removed, " << report.files_unchanged << " unchanged, "
         << report.files_skipped << " skipped (" << human_bytes(report.bytes_indexed) << " read in "
         << seconds << " s) in " << escaped_path(summary.database_path) << '\n';
    // What the skipped files were, by kind; each is named in a warning on standard error.
    if (report.files_skipped > 0) out_ << skip_summary(report.warnings) << '\n';
  }

 private:
  // "sources   RFI 2, BBC 1, unknown 1" and the like for agencies, months and dates. Long
  // lists are cut to the first values (most frequent) or, for months, the latest ones.
  void print_breakdown(const Facets& facets) {
    const Styles& s = styles_;
    auto counts = [&](const char* label, const std::vector<FacetValue>& values,
                      const std::string& style, std::size_t missing, const char* missing_label,
                      bool latest) {
      out_ << s.heading << label << s.reset << std::string(10 - std::string(label).size(), ' ');
      const std::size_t shown = std::min(values.size(), kMostValuesShown);
      const std::size_t first = latest ? values.size() - shown : 0;
      if (latest && first > 0) out_ << first << " earlier, ";
      for (std::size_t i = first; i < first + shown; ++i) {
        out_ << (i > first ? ", " : "") << style << escaped_for_terminal(values[i].value) << s.reset
             << ' ' << values[i].articles;
      }
      if (!latest && shown < values.size()) out_ << ", " << values.size() - shown << " more";
      if (missing > 0) out_ << (values.empty() ? "" : ", ") << missing_label << ' ' << missing;
      if (values.empty() && missing == 0) out_ << "(none)";
      out_ << '\n';
    };
    counts("sources", facets.sources, s.source, facets.without_source, "unknown", false);
    counts("agencies", facets.agencies, s.source, facets.without_agency, "none", false);
    counts("months", facets.months, s.date, facets.dated_to_year, "year only", true);
    out_ << s.heading << "undated" << s.reset << "   " << facets.undated << " ("
         << facets.inferred_dates << " dates inferred from text)\n";
  }

  void field(const char* name, const MetadataField& value) {
    const std::string label(name);
    out_ << styles_.heading << label << styles_.reset << std::string(10 - label.size(), ' ')
         << or_placeholder(value.value, "(unknown)") << ' ' << styles_.dim << '('
         << to_string(value.origin) << ')' << styles_.reset << '\n';
  }

  // The passage, each non-blank line indented, highlights styled.
  // "why: parts 1.02 + 0.00 = 1.02; article 3.12 x 0.25 = 0.78; bm25 1.80; 1 parts covered;
  // score 1 + 1.80/(1+1.80)"
  void print_score_explanation(const ScoreExplanation& explanation) {
    char number[32];
    double parts_total = 0.0;
    out_ << kIndent << styles_.dim << "why: parts";
    for (std::size_t i = 0; i < explanation.part_scores.size(); ++i) {
      std::snprintf(number, sizeof number, "%.2f", explanation.part_scores[i]);
      out_ << (i ? " + " : " ") << number;
      parts_total += explanation.part_scores[i];
    }
    const double article = explanation.article_weight * explanation.article_share;
    char summary[320];
    const double unscaled = parts_total + article;
    const double bm25 = unscaled * explanation.recency_factor;
    char recency[64] = "";
    if (explanation.recency_factor != 1.0) {
      std::snprintf(recency, sizeof recency, " x recency %.2f = %.2f", explanation.recency_factor,
                    bm25);
    }
    std::snprintf(summary, sizeof summary,
                  " = %.2f; article %.2f x %.2f = %.2f; bm25 %.2f%s; %zu parts covered; score "
                  "%zu + %.2f/(1+%.2f)",
                  parts_total, explanation.article_weight, explanation.article_share, article,
                  unscaled, recency, explanation.parts_covered, explanation.parts_covered, bm25,
                  bm25);
    out_ << summary << styles_.reset << '\n';
  }

  // Control characters and invisible marks in the text are printed escaped, never as they
  // are: an article cannot move the cursor, recolour or retitle the terminal.
  void print_passage(const std::string& text, const std::vector<Highlight>& highlights) {
    std::size_t next_highlight = 0;
    bool line_start = true;
    for (std::size_t i = 0; i < text.size();) {
      if (next_highlight < highlights.size() && highlights[next_highlight].start == i) {
        if (line_start) out_ << kIndent;
        line_start = false;
        out_ << styles_.match;
      }
      const char c = text[i];
      std::size_t length = 1;
      if (c == '\n' || c == '\r') {
        if (!line_start) out_ << '\n';
        line_start = true;
      } else {
        if (line_start) out_ << kIndent;
        line_start = false;
        // A whole character at a time: an escape must not cut one in two.
        length = character_length_at(text, i);
        const std::string_view character = std::string_view(text).substr(i, length);
        if (c != '\t' && escaped_length_at(text, i) > 0) {
          out_ << escaped_for_terminal(character);
        } else {
          out_ << character;
        }
      }
      i += length;
      if (next_highlight < highlights.size() && highlights[next_highlight].end <= i) {
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
  std::cerr << "pressclip: warning: " << escaped_for_terminal(message) << '\n';
}

void print_file_warning(const IndexWarning& warning) {
  std::cerr << "pressclip: warning: " << escaped_path(warning.path) << ": "
            << escaped_for_terminal(warning.reason) << (warning.skipped ? " (skipped)" : "")
            << '\n';
}

}  // namespace pressclip::cli
