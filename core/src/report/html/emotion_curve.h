// The emotion curve of the journey map: mean satisfaction on leaving each
// stage, for everyone and per persona, its lowest point highlighted.
#pragma once

#include <string>

#include "report/html/report_view.h"

namespace journeysim::html {

/// An SVG as wide as the map's stage columns (`column_width` each), points
/// at the column centres so the curve sits under its stages.
std::string emotion_curve(const ReportView& view, double column_width);

}  // namespace journeysim::html
