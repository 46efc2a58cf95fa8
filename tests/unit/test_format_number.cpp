#include <doctest/doctest.h>

#include <stdexcept>

#include "finance/format_number.hpp"

using rapport::format_number;

namespace {
const std::string nbsp = "\u00A0";
const std::string minus = "\u2212";
}  // namespace

TEST_CASE("whole numbers get no-break-space digit groups") {
  CHECK(format_number(0, 0) == "0");
  CHECK(format_number(999, 0) == "999");
  CHECK(format_number(1000, 0) == "1" + nbsp + "000");
  CHECK(format_number(19978, 0) == "19" + nbsp + "978");
  CHECK(format_number(1224339, 0) == "1" + nbsp + "224" + nbsp + "339");
}

TEST_CASE("negative numbers use a real minus sign") {
  CHECK(format_number(-90486, 0) == minus + "90" + nbsp + "486");
  CHECK(format_number(-2, 0) == minus + "2");
}

TEST_CASE("negative zero and values that round to zero print as 0") {
  CHECK(format_number(-0.0, 0) == "0");
  CHECK(format_number(-0.4, 0) == "0");
  CHECK(format_number(-0.004, 2) == "0,00");
}

TEST_CASE("decimals use a comma and round half away from zero") {
  CHECK(format_number(4.06, 2) == "4,06");
  CHECK(format_number(45.9, 1) == "45,9");
  CHECK(format_number(0.85, 2) == "0,85");
  CHECK(format_number(2.5, 0) == "3");
  CHECK(format_number(-2.5, 0) == minus + "3");
  CHECK(format_number(2.675, 2) == "2,68");
  CHECK(format_number(1234.5, 1) == "1" + nbsp + "234,5");
  CHECK(format_number(8, 1) == "8,0");
}

TEST_CASE("huge values are grouped; impossible requests throw") {
  CHECK(format_number(123456789012.0, 0) == "123" + nbsp + "456" + nbsp + "789" + nbsp + "012");
  CHECK_THROWS_AS(format_number(1e300, 0), std::invalid_argument);
  CHECK_THROWS_AS(format_number(1, 7), std::invalid_argument);
}

TEST_CASE("the separators are settable") {
  rapport::NumberFormat plain{" ", ".", "-"};
  CHECK(format_number(-1234.5, 1, plain) == "-1 234.5");
}
