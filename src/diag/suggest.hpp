#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// The candidate closest to `word` by edit distance, or "" when none is close enough to be a
// plausible typo: as many words (split at - _ and space), each at most one edit away (two when
// either spelling has five letters or more), two in all; å ä ö count as a o. Used for "did you mean …?"
// hints, which must never point at a different word, such as another status.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// "a, b or c": for hints that list the valid choices.
std::string join_choices(const std::vector<std::string>& choices);

}  // namespace rapport
