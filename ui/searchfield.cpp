// ui/searchfield.cpp — accessible names for the search boxes and their clear buttons.
#include "searchfield.h"

#include <QCoreApplication>
#include <QLineEdit>
#include <QToolButton>

namespace keyhaven::ui {

void setUpSearchField(QLineEdit *field)
{
    field->setClearButtonEnabled(true);
    field->setAccessibleName(QCoreApplication::translate("keyhaven::ui::SearchField", "Search"));
    // Qt draws the clear action as a tool button without text: name it.
    for (QToolButton *button : field->findChildren<QToolButton *>())
        button->setAccessibleName(
            QCoreApplication::translate("keyhaven::ui::SearchField", "Clear search"));
}

} // namespace keyhaven::ui
