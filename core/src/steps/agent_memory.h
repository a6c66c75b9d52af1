// What a split condition may read of one agent: a view the engine fills from
// its own flat per-block arrays, so evaluating a condition copies nothing and
// allocates nothing. Every field has a fixed size per agent (a bit per node,
// a byte per node, a double per attribute), so memory stays flat however long
// a customer's journey runs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>

namespace journeysim {

/// `last_event` of a node the agent never finished an interaction at (and of
/// every step: steps have no outcome events).
inline constexpr uint8_t kNoEvent = 0;

/// How `last_event` stores event `event` (its index in the channel's event
/// list): event + 1, so that 0 stays "none". Conditions can name events
/// 0..62; a channel with more events still records them.
constexpr uint8_t event_code(uint32_t event) { return static_cast<uint8_t>(event + 1); }

/// An attribute no `update` step has set for this agent yet. NaN, so every
/// numeric comparison with it is false and `!=` is true, as for a missing
/// outcome.
inline constexpr double kAttributeUnset = std::numeric_limits<double>::quiet_NaN();

/// How `attributes` stores a value: a true/false attribute as 1 or 0, a number
/// as itself, a text attribute as the index of its value in
/// ConditionAttribute::values.
constexpr double attribute_code(bool value) { return value ? 1.0 : 0.0; }

/// Words of the `visited` bitset for `nodes` nodes.
constexpr size_t visited_words(size_t nodes) { return (nodes + 63) / 64; }

/// Bit `node` of a `visited` bitset.
constexpr bool test_visited(std::span<const uint64_t> visited, uint32_t node) {
  const size_t word = node / 64;
  return word < visited.size() && ((visited[word] >> (node % 64)) & 1U) != 0;
}

/// Sets bit `node` of a `visited` bitset (which has visited_words(nodes) words).
constexpr void mark_visited(std::span<uint64_t> visited, uint32_t node) {
  visited[node / 64] |= uint64_t{1} << (node % 64);
}

/// One agent as a condition sees it. Node, persona and attribute indices are
/// those of the ConditionContext the condition was compiled against. Spans
/// shorter than the context reads as "never visited", "no event", "unset".
struct AgentMemoryView {
  uint32_t persona = 0;
  uint32_t messages = 0;     // messages received so far
  double spent = 0;          // money spent so far
  double satisfaction = 0;   // current satisfaction
  std::span<const uint64_t> visited;   // bit n: node n was entered
  std::span<const uint8_t> last_event; // per node: kNoEvent or event_code(e)
  std::span<const double> attributes;  // per attribute: a code or kAttributeUnset
};

}  // namespace journeysim
