// url_hash.h: the filter as a URL fragment, so a filtered view can be bookmarked and shared.
//
//   #speaker=sergei-lavrov&country=RU&country=UA&kind=direct&q=threat
//   #source=Le+Monde&article=a-2025-03-01&from=2025-01-01&to=2025-03-31
//
// URLSearchParams syntax: keys repeat for several values, percent-encoding for UTF-8, "+"
// reads as a space. Unknown keys are ignored on reading, so links from newer versions work.
#pragma once

#include <string>
#include <string_view>

#include "core/filter.h"

namespace qe {

std::string filter_to_hash(const Filter& filter);     // without the leading '#'; "" when empty
Filter filter_from_hash(std::string_view hash);       // a leading '#' is skipped

}  // namespace qe
