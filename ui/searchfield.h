// ui/searchfield.h — the search boxes of the panels, with names a screen reader can announce.
#pragma once

class QLineEdit;

namespace keyhaven::ui {

// Turns on the clear button and gives the field and that (icon-only) button accessible names:
// "Search" and "Clear search", in the user's language.
void setUpSearchField(QLineEdit *field);

} // namespace keyhaven::ui
