#pragma once
#include "layout/layout_context.hpp"

namespace rapport {

// The sign-off block of a decided report, from `document.decision`: "Godkänd av
// Kommunstyrelsen 2021-10-04, § 175" (or an official's approval), the diarienummer, a
// signature line over who approved it and, for a minutes extract, the "Justerandes sign" and "Utdragsbestyrkande" boxes.
// Kept together on one page; empty when the report has no decision.
std::vector<Slab> lay_out_signoff(const LayoutContext& ctx);

// The statement that opens the block, also printed on a report's cover: "Godkänd av
// Kommunstyrelsen 2021-10-04, § 175", or for an official's approval "Godkänd av beställare
// Andreaz Strömgren, 2022-01-07".
std::string signoff_statement(const Decision& decision);

}  // namespace rapport
