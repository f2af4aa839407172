#include "corridor/io/report_document.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace corridor::io {
namespace {

std::string base64(const std::string& bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t chunk = static_cast<std::uint8_t>(bytes[i]) << 16;
    if (i + 1 < bytes.size())
      chunk |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(bytes[i + 1])) << 8;
    if (i + 2 < bytes.size()) chunk |= static_cast<std::uint8_t>(bytes[i + 2]);
    out += kAlphabet[(chunk >> 18) & 63];
    out += kAlphabet[(chunk >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(chunk >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[chunk & 63] : '=';
  }
  return out;
}

std::string escape_html(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_cell(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

// A cell that reads as a number is right-aligned.
bool numeric(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789.+-−±% *") == std::string::npos &&
         text.find_first_of("0123456789") != std::string::npos;
}

}  // namespace

std::string report_markdown(const ReportDocument& report) {
  std::string out = fmt::format("# {}\n", report.title);
  for (const auto& section : report.sections) {
    out += fmt::format("\n## {}\n", section.heading);
    for (const auto& paragraph : section.paragraphs) out += fmt::format("\n{}\n", paragraph);
    if (!section.bullets.empty()) out += '\n';
    for (const auto& bullet : section.bullets) out += fmt::format("- {}\n", bullet);
    if (!section.table.empty()) {
      out += '\n';
      const auto& header = section.table.front();
      out += "|";
      for (const auto& cell : header) out += fmt::format(" {} |", escape_cell(cell));
      out += "\n|";
      for (std::size_t c = 0; c < header.size(); ++c) {
        const bool right = section.table.size() > 1 && numeric(section.table[1][c]);
        out += right ? "---:|" : "---|";
      }
      out += '\n';
      for (std::size_t r = 1; r < section.table.size(); ++r) {
        out += "|";
        for (const auto& cell : section.table[r]) out += fmt::format(" {} |", escape_cell(cell));
        out += '\n';
      }
    }
    for (std::size_t i = 0; i < section.images.size(); ++i) {
      const std::string caption = i < section.captions.size() ? section.captions[i] : "";
      out += fmt::format("\n![{}]({})\n", caption, section.images[i]);
    }
  }
  return out;
}

std::string report_html(const ReportDocument& report,
                        const std::function<std::string(const std::string&)>& read_image) {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>{0}</title>\n<style>\n"
      "body {{ font-family: sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem;"
      " color: #222; line-height: 1.45; }}\n"
      "table {{ border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }}\n"
      "th, td {{ border: 1px solid #ccc; padding: 0.25rem 0.6rem; }}\n"
      "th {{ background: #f2f2f2; text-align: left; }}\n"
      "td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}\n"
      "figure {{ margin: 1.5rem 0; }} img {{ max-width: 100%; }}\n"
      "figcaption {{ font-size: 0.85rem; color: #555; }}\n"
      "</style>\n</head>\n<body>\n<h1>{0}</h1>\n",
      escape_html(report.title));
  for (const auto& section : report.sections) {
    out += fmt::format("<h2>{}</h2>\n", escape_html(section.heading));
    for (const auto& paragraph : section.paragraphs) {
      out += fmt::format("<p>{}</p>\n", escape_html(paragraph));
    }
    if (!section.bullets.empty()) {
      out += "<ul>\n";
      for (const auto& bullet : section.bullets) {
        out += fmt::format("<li>{}</li>\n", escape_html(bullet));
      }
      out += "</ul>\n";
    }
    if (!section.table.empty()) {
      out += "<table>\n<tr>";
      for (const auto& cell : section.table.front()) {
        out += fmt::format("<th>{}</th>", escape_html(cell));
      }
      out += "</tr>\n";
      for (std::size_t r = 1; r < section.table.size(); ++r) {
        out += "<tr>";
        for (const auto& cell : section.table[r]) {
          out += numeric(cell) ? "<td class=\"n\">" : "<td>";
          out += escape_html(cell);
          out += "</td>";
        }
        out += "</tr>\n";
      }
      out += "</table>\n";
    }
    for (std::size_t i = 0; i < section.images.size(); ++i) {
      const std::string caption = i < section.captions.size() ? section.captions[i] : "";
      const std::string bytes = read_image(section.images[i]);
      if (bytes.empty()) {
        out += fmt::format("<p><em>Chart {} was not drawn.</em></p>\n",
                           escape_html(section.images[i]));
        continue;
      }
      out += fmt::format(
          "<figure><img alt=\"{0}\" src=\"data:image/png;base64,{1}\">"
          "<figcaption>{0}</figcaption></figure>\n",
          escape_html(caption), base64(bytes));
    }
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace corridor::io
