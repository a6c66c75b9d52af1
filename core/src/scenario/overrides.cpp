#include "scenario/overrides.h"

#include <algorithm>
#include <utility>

#include "scenario/canonical_form.h"
#include "scenario/parse_document.h"
#include "scenario/toml_tokens.h"
#include "util/text.h"

namespace journeysim::scenario {
namespace {

// Position of the '=' separating path from value: the first one outside a
// quoted key.
size_t find_separator(std::string_view text) {
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (quote == '"' && c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '=') {
      return i;
    }
  }
  return std::string_view::npos;
}

// The entities an override may change but not create, as (collection, noun).
const std::vector<std::pair<std::string, std::string>> kEntities = {
    {"personas", "persona"}, {"touchpoints", "touchpoint"}, {"stages", "stage"}, {"steps", "step"}};

std::vector<std::string> keys_of(const Node& doc, const std::string& collection) {
  std::vector<std::string> keys;
  const Node* table = doc.find(collection);
  if (table != nullptr && table->is_table()) {
    for (const Member& m : table->members) {
      keys.push_back(m.key);
    }
  }
  return keys;
}

// journey.stages as strings: a stage listed there may get its first table
// from an override.
std::vector<std::string> listed_stages(const Node& doc) {
  std::vector<std::string> out;
  const Node* journey = doc.find("journey");
  const Node* stages = journey != nullptr && journey->is_table() ? journey->find("stages")
                                                                  : nullptr;
  if (stages != nullptr && stages->is_array()) {
    for (const Node& item : stages->items) {
      if (item.type == Node::Type::String) {
        out.push_back(item.text);
      }
    }
  }
  return out;
}

std::string with_article(const std::string& noun) {
  const bool vowel = !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + noun;
}

std::string join_path(const std::vector<std::string>& keys, size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    out += (i == 0 ? "" : ".") + format_key(keys[i]);
  }
  return out;
}

// The override's value: TOML if it parses as one, else the text itself.
Node parse_value(std::string_view text, const SourceLocation& where) {
  const std::string_view value = util::trim_whitespace(text);
  ParsedDocument parsed = parse_document("v = " + std::string(value), where.file);
  Node node;
  if (parsed.ok && parsed.root.members.size() == 1 && parsed.root.find("v") != nullptr) {
    node = std::move(*parsed.root.find("v"));
  } else {
    node.type = Node::Type::String;
    node.text = std::string(value);
  }
  relocate(node, where);
  return node;
}

}  // namespace

bool split_key_path(std::string_view path, std::vector<std::string>& keys, std::string& error) {
  keys.clear();
  size_t i = 0;
  const auto skip_space = [&] {
    while (i < path.size() && (path[i] == ' ' || path[i] == '\t')) {
      ++i;
    }
  };
  while (true) {
    skip_space();
    if (i >= path.size()) {
      error = keys.empty() ? "empty key path" : "key path ends with '.'";
      return false;
    }
    std::string key;
    const char c = path[i];
    if (c == '"' || c == '\'') {
      ++i;
      bool closed = false;
      while (i < path.size()) {
        if (path[i] == c) {
          closed = true;
          ++i;
          break;
        }
        if (c == '"' && path[i] == '\\' && i + 1 < path.size()) {
          ++i;
        }
        key += path[i++];
      }
      if (!closed) {
        error = "unterminated quoted key in '" + std::string(path) + "'";
        return false;
      }
    } else {
      while (i < path.size() && is_bare_key_char(path[i])) {
        key += path[i++];
      }
      if (key.empty()) {
        error = "unexpected '" + std::string(1, path[i]) + "' in key path '" +
                std::string(path) + "' (quote keys that contain it)";
        return false;
      }
    }
    keys.push_back(std::move(key));
    skip_space();
    if (i >= path.size()) {
      return true;
    }
    if (path[i] != '.') {
      error = "unexpected '" + std::string(1, path[i]) + "' in key path '" +
              std::string(path) + "' (quote keys that contain it)";
      return false;
    }
    ++i;
  }
}

// Far beyond any real key path (touchpoints.checkout.params.steps).
constexpr size_t kMaxPathBytes = 4096;
constexpr size_t kMaxPathKeys = 100;  // as deep as a scenario file may nest

void apply_overrides(Node& doc, const std::vector<std::string>& overrides,
                     std::vector<Diagnostic>& problems) {
  for (const std::string& raw : overrides) {
    const size_t separator = find_separator(raw);
    const std::string path_text(
        util::trim_whitespace(std::string_view(raw).substr(0, std::min(separator, raw.size()))));
    const SourceLocation where{"--set " + path_text, 0, 0};
    if (separator == std::string::npos) {
      problems.push_back(
          {where, "expected path=value, e.g. touchpoints.checkout.params.steps=3"});
      continue;
    }
    // A path is a handful of keys; a megabyte of them would build a tree
    // as deep, each level remembering the whole path (quadratic memory).
    if (path_text.size() > kMaxPathBytes) {
      problems.push_back({SourceLocation{"--set " + path_text.substr(0, 60) + "...", 0, 0},
                          "key path is " + std::to_string(path_text.size()) +
                              " bytes long; at most " + std::to_string(kMaxPathBytes)});
      continue;
    }
    std::vector<std::string> keys;
    std::string error;
    if (!split_key_path(path_text, keys, error)) {
      problems.push_back({where, error});
      continue;
    }
    if (keys.size() > kMaxPathKeys) {
      problems.push_back({where, "key path has " + std::to_string(keys.size()) +
                                     " keys; at most " + std::to_string(kMaxPathKeys) +
                                     ", as deep as a scenario file may nest"});
      continue;
    }
    if (keys.front() == "extends") {
      problems.push_back({where, "extends cannot be set with --set; write a variant file"});
      continue;
    }
    Node value = parse_value(std::string_view(raw).substr(separator + 1), where);

    std::vector<std::vector<std::string>> before;
    for (const auto& entity : kEntities) {
      before.push_back(keys_of(doc, entity.first));
    }

    Node* table = &doc;
    bool ok = true;
    for (size_t i = 0; i + 1 < keys.size(); ++i) {
      Member* m = table->find_member(keys[i]);
      if (m == nullptr) {
        Node empty;
        empty.where = where;
        m = &table->set(keys[i], where, std::move(empty));
      } else if (!m->value.is_table()) {
        problems.push_back({where, "cannot set '" + path_text + "': '" +
                                       join_path(keys, i + 1) + "' is " +
                                       with_article(type_name(m->value.type)) +
                                       ", not a table"});
        ok = false;
        break;
      }
      table = &m->value;
    }
    if (!ok) {
      continue;
    }
    Member* target = table->find_member(keys.back());
    if (target != nullptr && target->value.is_table() && value.is_table()) {
      merge_into(target->value, std::move(value));
    } else {
      table->set(keys.back(), where, std::move(value));
    }

    const std::vector<std::string> stages = listed_stages(doc);
    for (size_t e = 0; e < kEntities.size(); ++e) {
      const auto& [collection, noun] = kEntities[e];
      for (const std::string& key : keys_of(doc, collection)) {
        const bool existed =
            std::find(before[e].begin(), before[e].end(), key) != before[e].end();
        const bool listed =
            collection == "stages" && std::find(stages.begin(), stages.end(), key) != stages.end();
        if (existed || listed) {
          continue;
        }
        std::vector<std::string> known = before[e];
        if (collection == "stages") {
          known.insert(known.end(), stages.begin(), stages.end());
        }
        problems.push_back({where, "no " + noun + " '" + key + "'" + did_you_mean(key, known)});
        // Drop it again, so the schema checks that follow see no phantom.
        doc.find(collection)->erase(key);
      }
    }
  }
}

}  // namespace journeysim::scenario
