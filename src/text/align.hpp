#pragma once

namespace rapport {

// Where a line sits in its measure: the author's choice for a table column, the layout's for
// running lines and captions.
enum class Align { left, right, center };

}  // namespace rapport
