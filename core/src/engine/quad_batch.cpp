// QuadBatch: Philox4x32-10 on eight counters at once with AVX2 (chosen at
// run time, so the binary still runs on any x86-64), one at a time
// otherwise. The vector code follows Random123's philox4x32 round for round:
// the two 32x32->64-bit products per round come from _mm256_mul_epu32 on the
// even and the odd lanes, and the conversion (bits + 0.5) * 2^-32 is exact
// in both paths, so both give the same doubles.
#include "engine/quad_batch.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define JOURNEYSIM_HAVE_AVX2_PATH 1
#endif

namespace journeysim {
namespace {

constexpr uint32_t kM0 = 0xD2511F53u;  // Random123's PHILOX_M4x32_0
constexpr uint32_t kM1 = 0xCD9E8D57u;  // PHILOX_M4x32_1
constexpr uint32_t kW0 = 0x9E3779B9u;  // PHILOX_W32_0 (key bump)
constexpr uint32_t kW1 = 0xBB67AE85u;  // PHILOX_W32_1
constexpr int kRounds = 10;
static_assert(RandomStream::Philox::rounds == kRounds);

#ifdef JOURNEYSIM_HAVE_AVX2_PATH
// lo and hi halves of the 32x32 products of each lane of x with m.
__attribute__((target("avx2"))) inline void mulhilo(__m256i x, __m256i m, __m256i& lo,
                                                    __m256i& hi) {
  const __m256i even = _mm256_mul_epu32(x, m);
  const __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(x, 32), m);
  lo = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
  hi = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
}

// Four lanes of 32-bit words as uniforms: (bits + 0.5) * 2^-32, exactly.
__attribute__((target("avx2"))) inline __m256d to_unit(__m128i bits) {
  const __m128i flipped = _mm_xor_si128(bits, _mm_set1_epi32(INT32_MIN));
  const __m256d value = _mm256_add_pd(_mm256_cvtepi32_pd(flipped), _mm256_set1_pd(2147483648.5));
  return _mm256_mul_pd(value, _mm256_set1_pd(0x1.0p-32));
}

// Writes lane k's four uniforms (word 0..3) to out[k], for four lanes.
__attribute__((target("avx2"))) inline void store_lanes(__m256d w0, __m256d w1, __m256d w2,
                                                        __m256d w3, double* const* out) {
  const __m256d t0 = _mm256_unpacklo_pd(w0, w1);
  const __m256d t1 = _mm256_unpackhi_pd(w0, w1);
  const __m256d t2 = _mm256_unpacklo_pd(w2, w3);
  const __m256d t3 = _mm256_unpackhi_pd(w2, w3);
  _mm256_storeu_pd(out[0], _mm256_permute2f128_pd(t0, t2, 0x20));
  _mm256_storeu_pd(out[1], _mm256_permute2f128_pd(t1, t3, 0x20));
  _mm256_storeu_pd(out[2], _mm256_permute2f128_pd(t0, t2, 0x31));
  _mm256_storeu_pd(out[3], _mm256_permute2f128_pd(t1, t3, 0x31));
}

// The first `n` (a multiple of 8) quads of the batch.
__attribute__((target("avx2"))) void draw_avx2(size_t n, const uint32_t* const* ctr,
                                               double* const* out,
                                               const RandomStream::Philox::key_type& key) {
  __m256i k0[kRounds];
  __m256i k1[kRounds];
  uint32_t a = key[0];
  uint32_t b = key[1];
  for (int r = 0; r < kRounds; ++r) {
    k0[r] = _mm256_set1_epi32(static_cast<int>(a));
    k1[r] = _mm256_set1_epi32(static_cast<int>(b));
    a += kW0;
    b += kW1;
  }
  const __m256i m0 = _mm256_set1_epi32(static_cast<int>(kM0));
  const __m256i m1 = _mm256_set1_epi32(static_cast<int>(kM1));
  for (size_t i = 0; i < n; i += 8) {
    __m256i x0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(ctr[0] + i));
    __m256i x1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(ctr[1] + i));
    __m256i x2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(ctr[2] + i));
    __m256i x3 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(ctr[3] + i));
    for (int r = 0; r < kRounds; ++r) {
      __m256i lo0, hi0, lo1, hi1;
      mulhilo(x0, m0, lo0, hi0);
      mulhilo(x2, m1, lo1, hi1);
      x0 = _mm256_xor_si256(_mm256_xor_si256(hi1, x1), k0[r]);
      x1 = lo1;
      x2 = _mm256_xor_si256(_mm256_xor_si256(hi0, x3), k1[r]);
      x3 = lo0;
    }
    store_lanes(to_unit(_mm256_castsi256_si128(x0)), to_unit(_mm256_castsi256_si128(x1)),
                to_unit(_mm256_castsi256_si128(x2)), to_unit(_mm256_castsi256_si128(x3)),
                out + i);
    store_lanes(to_unit(_mm256_extracti128_si256(x0, 1)), to_unit(_mm256_extracti128_si256(x1, 1)),
                to_unit(_mm256_extracti128_si256(x2, 1)), to_unit(_mm256_extracti128_si256(x3, 1)),
                out + i + 4);
  }
}
#endif

}  // namespace

bool QuadBatch::vectorized() {
#ifdef JOURNEYSIM_HAVE_AVX2_PATH
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2;
#else
  return false;
#endif
}

void QuadBatch::grow() {
  const size_t capacity = out_.empty() ? 64 : 2 * out_.size();
  for (auto& words : ctr_) {
    words.resize(capacity);
  }
  out_.resize(capacity);
}

void QuadBatch::draw(const RandomStream& stream, bool vector) {
  size_t done = 0;
#ifdef JOURNEYSIM_HAVE_AVX2_PATH
  if (vector && vectorized()) {
    const uint32_t* const ctr[4] = {ctr_[0].data(), ctr_[1].data(), ctr_[2].data(),
                                    ctr_[3].data()};
    done = size_ / 8 * 8;
    draw_avx2(done, ctr, out_.data(), stream.key());
  }
#else
  (void)vector;
#endif
  const RandomStream::Philox philox;
  for (size_t i = done; i < size_; ++i) {
    const RandomStream::Philox::ctr_type counter = {{ctr_[0][i], ctr_[1][i], ctr_[2][i], ctr_[3][i]}};
    const RandomStream::Philox::ctr_type r = philox(counter, stream.key());
    for (int k = 0; k < 4; ++k) {
      out_[i][k] = RandomStream::to_unit(r[k]);
    }
  }
  size_ = 0;
}

}  // namespace journeysim
