#pragma once
// A report as plain structure, written out twice: Markdown (report.md, charts linked)
// and a self-contained HTML page (report.html, charts embedded), so the two never
// disagree. Nothing in it depends on the clock or the host: the same runs give the same
// files.

#include <functional>
#include <string>
#include <vector>

namespace corridor::io {

struct ReportSection {
  std::string heading;
  std::vector<std::string> paragraphs;          // plain text
  std::vector<std::vector<std::string>> table;  // first row: the header; may be empty
  std::vector<std::string> images;              // chart files, relative to the report
  std::vector<std::string> captions;            // one per image
  std::vector<std::string> bullets;             // a list, after the paragraphs
};

struct ReportDocument {
  std::string title;
  std::vector<ReportSection> sections;
};

[[nodiscard]] std::string report_markdown(const ReportDocument& report);

// `read_image` returns an image file's bytes, or an empty string if it is missing (the
// image is then left out with a note).
[[nodiscard]] std::string report_html(
    const ReportDocument& report, const std::function<std::string(const std::string&)>& read_image);

}  // namespace corridor::io
