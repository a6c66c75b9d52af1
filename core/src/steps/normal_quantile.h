// The standard normal distribution's inverse, for draws by inverse transform.
#pragma once

namespace journeysim {

/// z with Phi(z) = p, for p in (0, 1): Acklam's rational approximation
/// refined by one Halley step on erfc, accurate to about 1e-15. Exactly 0 at
/// p = 0.5; -infinity at p <= 0, +infinity at p >= 1.
double normal_quantile(double p) noexcept;

}  // namespace journeysim
