// ui/main.cpp — keyhaven GUI entry point.
#include "common/bootstrap.h"

#include <QApplication>
#include <QIcon>
#include <QMainWindow>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    keyhaven::bootstrapProcess();
    QApplication::setWindowIcon(QIcon(u":/icons/keyhaven.svg"_s));
    QMainWindow window;
    window.setWindowTitle(QApplication::translate("MainWindow", "Keyhaven"));
    window.show();
    return app.exec();
}
