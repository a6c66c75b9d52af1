// RunTally <-> bytes, so each process of a distributed run can send what it
// counted to rank 0. Every field is written, pending (unsettled) parts
// included, so decoding gives back the very state that was encoded and a
// merge on rank 0 is the merge a single process would have done.
#include <string>
#include <vector>

#include "distributed/byte_stream.h"
#include "journeysim/distributed.h"

namespace journeysim {

// Reads and writes the private state of the tally's building blocks (a
// friend of FixedSum and DurationHistogram).
struct TallyCodecAccess {
  static void write(distributed::ByteWriter& w, const FixedSum& f) {
    w.i128(f.sum_);
    w.i128(f.sum_sq_);
    w.u64(f.count_);
    w.f64(f.pending_sum_);
    w.f64(f.pending_sq_);
    w.u64(f.pending_count_);
  }
  static void read(distributed::ByteReader& r, FixedSum& f) {
    f.sum_ = r.i128();
    f.sum_sq_ = r.i128();
    f.count_ = r.u64();
    f.pending_sum_ = r.f64();
    f.pending_sq_ = r.f64();
    f.pending_count_ = r.u64();
  }

  // Counts are written sparsely (bucket, count): a histogram spans ~20k
  // buckets of which a run fills a few hundred, and these bytes are what a
  // distributed run reduces.
  static void write(distributed::ByteWriter& w, const DurationHistogram& h) {
    uint64_t filled = 0;
    for (uint64_t c : h.counts_) {
      filled += c != 0 ? 1 : 0;
    }
    w.u64(filled);
    for (uint32_t b = 0; b < h.counts_.size(); ++b) {
      if (h.counts_[b] != 0) {
        w.u32(b);
        w.u64(h.counts_[b]);
      }
    }
    w.u64(h.pending_.size());
    for (uint32_t b : h.pending_) {
      w.u32(b);
    }
    w.u64(h.count_);
  }
  static void read(distributed::ByteReader& r, DurationHistogram& h) {
    h.counts_.clear();
    const size_t filled = r.length(12);
    uint32_t last = 0;
    for (size_t i = 0; i < filled; ++i) {
      const uint32_t bucket = r.u32();
      if (i > 0 && bucket <= last) {
        throw TallyCodecError("histogram buckets out of order");
      }
      // A bucket past the top of the grid would make counts_ huge.
      if (bucket > DurationHistogram::bucket_of(~uint64_t{0})) {
        throw TallyCodecError("histogram bucket out of range");
      }
      last = bucket;
      h.count_bucket(bucket, r.u64());
    }
    h.pending_.resize(r.length(4));
    for (uint32_t& b : h.pending_) {
      b = r.u32();
    }
    h.count_ = r.u64();
  }
};

namespace {

using distributed::ByteReader;
using distributed::ByteWriter;

constexpr std::string_view kMagic = "JSTL";

void write(ByteWriter& w, uint64_t v) { w.u64(v); }
void read(ByteReader& r, uint64_t& v) { v = r.u64(); }
void write(ByteWriter& w, double v) { w.f64(v); }
void read(ByteReader& r, double& v) { v = r.f64(); }
void write(ByteWriter& w, const FixedSum& f) { TallyCodecAccess::write(w, f); }
void read(ByteReader& r, FixedSum& f) { TallyCodecAccess::read(r, f); }
void write(ByteWriter& w, const DurationHistogram& h) { TallyCodecAccess::write(w, h); }
void read(ByteReader& r, DurationHistogram& h) { TallyCodecAccess::read(r, h); }

// Each struct's fields, in one place for both directions: `io` is called
// with every field in order.
template <class Tally, class Io>
void fields(Tally& t, Io&& io) {
  using T = std::remove_const_t<Tally>;
  if constexpr (std::is_same_v<T, TouchpointTally>) {
    io(t.arrivals, t.agents, t.continued, t.dropped, t.rerouted, t.cut_off, t.exits, t.lost, t.reasons,
       t.lost_reasons, t.edges, t.effort, t.emotion, t.hours, t.money, t.satisfaction,
       t.p_continue, t.capped, t.window_hours);
  } else if constexpr (std::is_same_v<T, StepTally>) {
    io(t.arrivals, t.agents, t.cut_off, t.exits, t.returned, t.hours, t.arm_agents,
       t.arm_arrivals, t.arm_converted, t.arm_pairs);
  } else if constexpr (std::is_same_v<T, TouchpointSlice>) {
    io(t.arrivals, t.dropped, t.cut_off, t.agents, t.lost, t.reasons, t.lost_reasons);
  } else if constexpr (std::is_same_v<T, StageTally>) {
    io(t.reached, t.dropped, t.converted, t.satisfaction);
  } else if constexpr (std::is_same_v<T, JourneyTally>) {
    io(t.agents, t.converted, t.bounced, t.exited, t.dropped, t.horizon, t.step_limit,
       t.reached_conversion_step, t.repeat, t.surveyed, t.satisfied, t.promoters, t.detractors,
       t.milestones, t.time_to_convert, t.time_to_convert_hours, t.effort, t.ces, t.revenue,
       t.referrals, t.messages, t.path_length, t.satisfaction);
  } else if constexpr (std::is_same_v<T, PersonaTally>) {
    io(t.journey, t.stages, t.touchpoints);
  } else if constexpr (std::is_same_v<T, ResourceTally>) {
    io(t.arrivals, t.waited, t.gave_up, t.served, t.wait_mean_hours, t.wait_ci_low_hours,
       t.wait_ci_high_hours, t.wait_p90_hours, t.waited_ci_low, t.waited_ci_high,
       t.gave_up_ci_low, t.gave_up_ci_high, t.busy_hours, t.open_hours, t.mean_queue_length,
       t.queue_hours, t.busy_by_bin, t.open_by_bin);
  } else if constexpr (std::is_same_v<T, SeriesTally>) {
    io(t.arrivals, t.conversions, t.messages);
  } else {
    static_assert(std::is_same_v<T, RunTally>);
    io(t.journey, t.stages, t.touchpoints, t.steps, t.personas, t.resources, t.series);
  }
}

template <class T>
void write(ByteWriter& w, const std::vector<T>& items);
template <class T>
void read(ByteReader& r, std::vector<T>& items);

template <class T>
  requires std::is_class_v<T>
void write(ByteWriter& w, const T& t) {
  fields(t, [&w](const auto&... f) { (write(w, f), ...); });
}

template <class T>
  requires std::is_class_v<T>
void read(ByteReader& r, T& t) {
  fields(t, [&r](auto&... f) { (read(r, f), ...); });
}

template <class T>
void write(ByteWriter& w, const std::vector<T>& items) {
  w.u64(items.size());
  for (const T& item : items) {
    write(w, item);
  }
}

template <class T>
void read(ByteReader& r, std::vector<T>& items) {
  // Every element takes at least 8 bytes, which bounds a corrupt length.
  items.assign(r.length(8), T{});
  for (T& item : items) {
    read(r, item);
  }
}

}  // namespace

std::string encode_tally(const RunTally& tally) {
  ByteWriter w;
  w.raw(kMagic);
  w.u32(kTallyCodecVersion);
  write(w, tally);
  return w.take();
}

RunTally decode_tally(std::string_view bytes) {
  ByteReader r(bytes);
  if (r.raw(kMagic.size()) != kMagic) {
    throw TallyCodecError("not an encoded journeysim tally");
  }
  if (const uint32_t version = r.u32(); version != kTallyCodecVersion) {
    throw TallyCodecError("tally format version " + std::to_string(version) +
                          ", this build reads version " + std::to_string(kTallyCodecVersion));
  }
  RunTally tally;
  read(r, tally);
  if (!r.done()) {
    throw TallyCodecError("trailing bytes after the tally");
  }
  return tally;
}

}  // namespace journeysim
