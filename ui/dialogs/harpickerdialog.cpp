// ui/dialogs/harpickerdialog.cpp — HAR entry picker.
#include "dialogs/harpickerdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

HarEntriesModel::HarEntriesModel(const QList<replay::HarEntry> &entries, QObject *parent)
    : QAbstractTableModel(parent)
    , m_entries(entries)
{
}

int HarEntriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HarEntriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HarEntriesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const replay::HarEntry &e = m_entries.at(index.row());
    switch (index.column()) {
    case IndexColumn:
        return e.index;
    case MethodColumn:
        return QString::fromLatin1(e.request.method);
    case UrlColumn:
        return e.request.url;
    case StatusColumn:
        return e.status ? QVariant(e.status) : QVariant(QString());
    default:
        return {};
    }
}

QVariant HarEntriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IndexColumn:
        return u"#"_s;
    case MethodColumn:
        return tr("Method");
    case UrlColumn:
        return tr("URL");
    case StatusColumn:
        //: HAR picker: the status the browser recorded for the entry
        return tr("Recorded status");
    default:
        return {};
    }
}

void HarFilterProxyModel::setFilter(const replay::HarFilter &filter)
{
    m_filter = filter;
    invalidateRowsFilter();
}

bool HarFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *m = static_cast<const HarEntriesModel *>(sourceModel());
    return m_filter.matches(m->entry(sourceRow));
}

HarPickerDialog::HarPickerDialog(const QList<replay::HarEntry> &entries, QWidget *parent)
    : QDialog(parent)
    , m_model(new HarEntriesModel(entries, this))
    , m_proxy(new HarFilterProxyModel(this))
    , m_host(new QLineEdit(this))
    , m_method(new QComboBox(this))
    , m_status(new QLineEdit(this))
    , m_view(new QTableView(this))
{
    setObjectName(u"harPicker"_s);
    setWindowTitle(tr("Pick a HAR entry"));
    auto *layout = new QVBoxLayout(this);
    auto *filters = new QHBoxLayout;
    m_host->setPlaceholderText(tr("Host"));
    m_host->setObjectName(u"harHost"_s);
    //: HAR picker: no method filter
    m_method->addItem(tr("Any method"), QString());
    QStringList methods;
    for (const replay::HarEntry &e : entries) {
        const QString m = QString::fromLatin1(e.request.method);
        if (!methods.contains(m))
            methods.append(m);
    }
    methods.sort();
    for (const QString &m : std::as_const(methods))
        m_method->addItem(m, m);
    m_status->setPlaceholderText(tr("Status"));
    m_status->setValidator(new QIntValidator(0, 999, m_status));
    m_status->setMaximumWidth(90);
    filters->addWidget(new QLabel(tr("Filter:"), this));
    filters->addWidget(m_host, 1);
    filters->addWidget(m_method);
    filters->addWidget(m_status);
    layout->addLayout(filters);

    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(
        HarEntriesModel::UrlColumn, QHeaderView::Stretch);
    m_view->setWordWrap(false);
    layout->addWidget(m_view, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Load"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_view, &QTableView::doubleClicked, this, &QDialog::accept);
    connect(m_host, &QLineEdit::textChanged, this, &HarPickerDialog::applyFilter);
    connect(m_status, &QLineEdit::textChanged, this, &HarPickerDialog::applyFilter);
    connect(m_method, &QComboBox::currentIndexChanged, this, &HarPickerDialog::applyFilter);
    if (m_proxy->rowCount() > 0)
        m_view->selectRow(0);
    resize(820, 460);
}

void HarPickerDialog::applyFilter()
{
    replay::HarFilter f;
    f.host = m_host->text().trimmed();
    f.method = m_method->currentData().toString().toLatin1();
    f.status = m_status->text().toInt();
    m_proxy->setFilter(f);
    if (m_proxy->rowCount() > 0 && !m_view->currentIndex().isValid())
        m_view->selectRow(0);
}

int HarPickerDialog::selectedIndex() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return -1;
    return m_proxy->mapToSource(current).row();
}

} // namespace keyhaven::ui
