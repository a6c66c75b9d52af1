// The report's stylesheet, inlined into the page (nothing is fetched).
#pragma once

namespace journeysim::html {

const char* page_style();

}  // namespace journeysim::html
