// ui/translations.cpp — installs Qt's and Keyhaven's translators for a locale (app and tests).
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

bool loadTranslations(QCoreApplication *app, const QLocale &locale)
{
    // The .qm files are compiled into keyhaven-ui by qt_add_translations as an object library
    // that every consumer links whole, so :/i18n is registered before main() runs.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *ours = new QTranslator(app);
    if (ours->load(locale, u"keyhaven"_s, u"_"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(ours);
        return true;
    }
    delete ours;
    return false;
}

} // namespace keyhaven::ui
