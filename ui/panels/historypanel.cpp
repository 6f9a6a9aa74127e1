// ui/panels/historypanel.cpp — the History panel.
#include "panels/historypanel.h"
#include "searchfield.h"

#include "models/historymodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

HistoryPanel::HistoryPanel(replay::History *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_model(new HistoryModel(this))
    , m_proxy(new HistoryFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
    , m_sendAgain(new QPushButton(tr("Send again"), this))
    , m_error(new QLabel(this))
{
    setObjectName(u"panel-history"_s);
    auto *layout = new QVBoxLayout(this);
    auto *description = new QLabel(tr("Every request sent from Keyhaven (here or with "
                                      "keyhaven-cli replay), with each credential replaced by "
                                      "the name of its vault item. Response bodies are not kept."),
        this);
    description->setWordWrap(true);
    description->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(description);

    auto *top = new QHBoxLayout;
    m_search->setObjectName(u"historySearch"_s);
    m_search->setPlaceholderText(tr("Search URL, status, item, diagnosis…"));
    setUpSearchField(m_search);
    auto *reloadButton = new QPushButton(tr("Reload"), this);
    m_sendAgain->setObjectName(u"sendAgain"_s);
    m_sendAgain->setToolTip(
        tr("Load this request into the Requests panel; the item's current credential is used."));
    m_sendAgain->setEnabled(false);
    top->addWidget(m_search, 1);
    top->addWidget(reloadButton);
    top->addWidget(m_sendAgain);
    layout->addLayout(top);

    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"QLabel { color: #8b1a1a; background: #fdecea; padding: 4px; }"_s);
    m_error->hide();
    layout->addWidget(m_error);

    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(u"historyView"_s);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(HistoryModel::WhenColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(HistoryModel::UrlColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->resizeSection(HistoryModel::WhenColumn, 140);
    m_view->horizontalHeader()->resizeSection(HistoryModel::MethodColumn, 70);
    m_view->horizontalHeader()->resizeSection(HistoryModel::StatusColumn, 60);
    m_view->horizontalHeader()->resizeSection(HistoryModel::ItemColumn, 140);
    m_view->horizontalHeader()->resizeSection(HistoryModel::DiagnosisColumn, 320);
    m_details->setObjectName(u"historyDetails"_s);
    m_details->setReadOnly(true);
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    m_details->setFont(mono);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &HistoryFilterProxyModel::setSearchText);
    connect(reloadButton, &QPushButton::clicked, this, &HistoryPanel::reload);
    connect(m_sendAgain, &QPushButton::clicked, this, &HistoryPanel::sendAgainSelected);
    connect(m_view, &QTableView::doubleClicked, this, &HistoryPanel::sendAgainSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &HistoryPanel::showDetails);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &HistoryPanel::showDetails);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &HistoryPanel::showDetails);
    reload();
}

void HistoryPanel::reload()
{
    if (!m_history) {
        m_error->setText(tr("The history cannot be read: the database is not open."));
        m_error->show();
        return;
    }
    Result<QList<replay::HistoryEntry>> rows = m_history->list(kLimit);
    if (!rows) {
        m_error->setText(tr("The history cannot be read: %1").arg(rows.error().message));
        m_error->show();
        return;
    }
    m_error->hide();
    m_model->setEntries(*rows);
}

void HistoryPanel::showDetails()
{
    const QModelIndex current = m_view->currentIndex();
    const replay::HistoryEntry *e =
        current.isValid() ? m_model->entryAt(m_proxy->mapToSource(current).row()) : nullptr;
    m_sendAgain->setEnabled(e != nullptr);
    if (!e) {
        m_details->clear();
        return;
    }
    QString text = u"%1 %2\n"_s.arg(QString::fromUtf8(e->method), e->url);
    for (const replay::Header &h : e->requestHeaders)
        text += QString::fromUtf8(h.first) + u": "_s + QString::fromUtf8(h.second) + u'\n';
    if (e->requestBody)
        text += u"\n"_s + QString::fromUtf8(*e->requestBody) + u'\n';
    text += u"\n"_s;
    if (e->status) {
        text += tr("Answer %1 · %2 · %3 ms total · %4 ms to first byte")
                    .arg(e->status)
                    .arg(QLocale().formattedDataSize(e->size))
                    .arg(e->timeMs)
                    .arg(e->ttfbMs)
            + u'\n';
        for (const replay::Header &h : e->responseHeaders)
            text += QString::fromUtf8(h.first) + u": "_s + QString::fromUtf8(h.second) + u'\n';
    } else {
        text += tr("No answer: %1").arg(e->error) + u'\n';
    }
    for (const replay::Diagnosis &d : e->diagnosis)
        text += u"\n"_s + d.message;
    m_details->setPlainText(text);
}

void HistoryPanel::sendAgainSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    if (const replay::HistoryEntry *e = m_model->entryAt(m_proxy->mapToSource(current).row()))
        Q_EMIT sendAgainRequested(*e);
}

} // namespace keyhaven::ui
