// YAML text -> Value tree, from yaml-cpp's parser events rather than its node graph.
//
// Building the tree from events keeps every limit in corridor's hands: aliases are
// expanded here, against a budget of values and of depth, so a "billion laughs" document
// is refused after a bounded amount of work; and the parser is asked for at most two
// documents, which sidesteps a yaml-cpp 0.7 loop in which some malformed streams (a
// lone ',') yield empty documents forever.

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "document.hpp"

namespace corridor::scenario::detail {
namespace {

[[noreturn]] void fail(SourceLocation location, std::string message) {
  throw ScenarioError({Diagnostic{std::move(location), std::move(message)}});
}

// Limits on the tree built from one YAML text. Real scenarios are far below them:
// 250,000 values is some 25,000 entries. Beyond them the text is refused within tens of
// milliseconds and megabytes.
constexpr std::size_t kMaxDepth = 64;
constexpr std::size_t kMaxValues = 250'000;

// The length of the UTF-8 sequence starting at `at`, or 0 if it is not one (overlong
// forms, surrogates and code points past U+10FFFF included).
std::size_t utf8_sequence_length(const std::string& text, std::size_t at) {
  const auto byte = [&](std::size_t i) {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
  };
  const unsigned lead = byte(at);
  const auto continuation = [&](std::size_t i, unsigned low = 0x80, unsigned high = 0xBF) {
    return byte(i) >= low && byte(i) <= high;
  };
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(at + 1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned high = lead == 0xED ? 0x9F : 0xBF;
    return continuation(at + 1, low, high) && continuation(at + 2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned high = lead == 0xF4 ? 0x8F : 0xBF;
    return continuation(at + 1, low, high) && continuation(at + 2) && continuation(at + 3) ? 4 : 0;
  }
  return 0;
}

// A scenario is UTF-8 text (YAML's own encoding, and what the JSON results must be). A
// binary file or one saved in another encoding is refused at its first bad byte, before
// the byte can reach a message or a result.
void check_text(const std::string& text, const std::string& file) {
  int line = 1;
  int column = 1;
  for (std::size_t at = 0; at < text.size();) {
    const auto byte = static_cast<unsigned char>(text[at]);
    const std::size_t length = byte == 0 ? 0 : utf8_sequence_length(text, at);
    if (length == 0) {
      fail(SourceLocation{file, line, column},
           fmt::format("not UTF-8 text: byte 0x{:02X}{}", byte,
                       byte == 0 ? " (a binary file?)" : " (saved in another encoding?)"));
    }
    if (byte == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    at += length;
  }
}

SourceLocation location_of(const YAML::Mark& mark, const std::string& file) {
  // yaml-cpp counts from 0 and uses -1 for "unknown".
  return SourceLocation{file, mark.line >= 0 ? mark.line + 1 : 1,
                        mark.column >= 0 ? mark.column + 1 : 1};
}

std::size_t count_values(const Value& value) {
  std::size_t count = 1;
  for (const Value& item : value.items) count += count_values(item);
  return count;
}

std::size_t height_of(const Value& value) {
  std::size_t height = 0;
  for (const Value& item : value.items) height = std::max(height, height_of(item) + 1);
  return height;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(std::string file) : file_(std::move(file)) {}

  [[nodiscard]] bool has_document() const { return documents_ > 0; }
  [[nodiscard]] Value take_root() { return std::move(root_); }
  [[nodiscard]] const YAML::Mark& document_mark() const { return document_mark_; }

  // After the first document, any other is an error; `first` is where the first began,
  // to tell a real second document from the parser failing to move on.
  void refuse_documents_after(const YAML::Mark& first, const std::string& text) {
    refuse_from_ = first;
    refusing_ = true;
    text_ = &text;
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (refusing_) {
      if (mark.pos == refuse_from_.pos) {
        // yaml-cpp 0.7 returns an empty document without consuming the token it stopped
        // at, and would return it again forever: that token is the syntax error.
        const auto at = static_cast<std::size_t>(std::max(mark.pos, 0));
        fail(location_of(mark, file_),
             fmt::format("invalid YAML: unexpected '{}'",
                         at < text_->size() ? text_->substr(at, 1) : std::string("end")));
      }
      fail(location_of(mark, file_),
           "a scenario file holds one YAML document; this is a second (after '---')");
    }
    ++documents_;
    document_mark_ = mark;
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(make(mark, Value::Kind::null), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto found = anchors_.find(anchor);
    if (found == anchors_.end()) {
      // Anchors are registered when their value is complete: an alias inside the value
      // it names would make the tree infinite.
      fail(location_of(mark, file_), fmt::format("nested more than {} levels deep (a YAML alias "
                                                 "that contains itself?)",
                                                 kMaxDepth));
    }
    const Anchored& anchored = found->second;
    if (frames_.size() + anchored.height > kMaxDepth) {
      fail(location_of(mark, file_), fmt::format("nested more than {} levels deep", kMaxDepth));
    }
    charge(anchored.values, location_of(mark, file_));
    add(Value(anchored.value), 0, /*charged=*/true);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                const std::string& text) override {
    Value value = make(mark, Value::Kind::scalar);
    value.scalar = text;
    add(std::move(value), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open(make(mark, Value::Kind::sequence), anchor, mark);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open(make(mark, Value::Kind::mapping), anchor, mark);
  }
  void OnMapEnd() override {
    if (frames_.back().key) fail(frames_.back().key_location, "a key without a value");
    close();
  }

 private:
  struct Frame {
    Value value;
    YAML::anchor_t anchor = 0;
    std::optional<std::string> key;  // a mapping's key waiting for its value
    SourceLocation key_location;
    std::map<std::string, int> key_lines;
  };
  struct Anchored {
    Value value;
    std::size_t values = 0;
    std::size_t height = 0;
  };

  Value make(const YAML::Mark& mark, Value::Kind kind) {
    Value value;
    value.kind = kind;
    value.location = location_of(mark, file_);
    return value;
  }

  void charge(std::size_t values, const SourceLocation& where) {
    values_ += values;
    if (values_ > kMaxValues) {
      fail(where,
           fmt::format("more than {} values (YAML aliases expanding without bound?)", kMaxValues));
    }
  }

  void open(Value value, YAML::anchor_t anchor, const YAML::Mark& mark) {
    if (frames_.size() >= kMaxDepth) {
      fail(location_of(mark, file_), fmt::format("nested more than {} levels deep", kMaxDepth));
    }
    frames_.push_back(Frame{std::move(value), anchor, std::nullopt, {}, {}});
  }

  void close() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    add(std::move(frame.value), frame.anchor, /*charged=*/false);
  }

  void add(Value value, YAML::anchor_t anchor, bool charged = false) {
    if (!charged) charge(1, value.location);
    if (anchor != 0) {
      anchors_[anchor] = Anchored{value, count_values(value), height_of(value)};
    }
    if (frames_.empty()) {
      root_ = std::move(value);
      return;
    }
    Frame& parent = frames_.back();
    if (parent.value.is_sequence()) {
      parent.value.items.push_back(std::move(value));
      return;
    }
    if (!parent.key) {
      if (!value.is_scalar()) fail(value.location, "a key must be a plain name");
      const auto [seen, inserted] = parent.key_lines.emplace(value.scalar, value.location.line);
      if (!inserted) {
        fail(value.location, fmt::format("duplicate key '{}' (first given at line {})",
                                         value.scalar, seen->second));
      }
      parent.key = value.scalar;
      parent.key_location = value.location;
      return;
    }
    parent.value.keys.push_back(std::move(*parent.key));
    parent.value.key_locations.push_back(parent.key_location);
    parent.value.items.push_back(std::move(value));
    parent.key.reset();
  }

  std::string file_;
  std::vector<Frame> frames_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  std::size_t values_ = 0;
  Value root_;
  int documents_ = 0;
  YAML::Mark document_mark_;
  bool refusing_ = false;
  YAML::Mark refuse_from_;
  const std::string* text_ = nullptr;
};

// Where a tab indents a line, up to `last_line` (1-based): YAML indents with spaces
// only, and yaml-cpp's message for it ("illegal map value") does not say so.
std::optional<SourceLocation> tab_indentation(const std::string& text, const std::string& file,
                                              int last_line) {
  int line = 1;
  bool at_indent = true;
  int column = 1;
  for (const char c : text) {
    if (c == '\n') {
      if (++line > last_line) break;
      at_indent = true;
      column = 1;
      continue;
    }
    if (at_indent && c == '\t') return SourceLocation{file, line, column};
    if (c != ' ') at_indent = false;
    ++column;
  }
  return std::nullopt;
}

// The one document in `text`, or nullopt if there is none.
std::optional<Value> read_document(const std::string& text, const std::string& file) {
  std::istringstream stream(text);
  TreeBuilder builder(file);
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) return std::nullopt;
    builder.refuse_documents_after(builder.document_mark(), text);
    static_cast<void>(parser.HandleNextDocument(builder));
  } catch (const YAML::DeepRecursion& error) {
    fail(location_of(error.mark, file), fmt::format("nested more than {} levels deep", kMaxDepth));
  } catch (const YAML::Exception& error) {
    const SourceLocation at = location_of(error.mark, file);
    if (const auto tab = tab_indentation(text, file, at.line)) {
      fail(*tab, "a tab indents this line: YAML indents with spaces only");
    }
    fail(at, fmt::format("invalid YAML: {}", error.msg));
  }
  return builder.take_root();
}

}  // namespace

Value parse_yaml(const std::string& text, const std::string& file) {
  check_text(text, file);
  const std::optional<Value> document = read_document(text, file);
  if (!document || document->kind == Value::Kind::null) {
    fail(SourceLocation{file, 1, 1}, "the scenario is empty");
  }
  if (!document->is_mapping()) {
    fail(document->location, "a scenario must be a mapping of sections (scenario:, network:, ...)");
  }
  return *document;
}

Value parse_yaml_value(const std::string& text, const std::string& file) {
  check_text(text, file);
  std::optional<Value> document = read_document(text, file);
  if (!document) return Value{Value::Kind::null, SourceLocation{file, 1, 1}, {}, {}, {}, {}};
  return std::move(*document);
}

}  // namespace corridor::scenario::detail
