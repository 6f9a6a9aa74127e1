// ui/panels/historypanel.h — the redacted replay history: search, details, send again.
#pragma once

#include "replay/history.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace keyhaven::ui {

class HistoryFilterProxyModel;
class HistoryModel;

class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    // `history` is not owned and may be null (then the panel says why it is empty).
    explicit HistoryPanel(replay::History *history, QWidget *parent = nullptr);

    QString title() const { return tr("History"); }
    static constexpr int kLimit = 5000; // newest rows loaded; the filter searches these

    HistoryModel *model() const { return m_model; }
    HistoryFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    QPlainTextEdit *details() const { return m_details; }
    QPushButton *sendAgainButton() const { return m_sendAgain; }

public Q_SLOTS:
    void reload();
    void sendAgainSelected();

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);
    void sendAgainRequested(const keyhaven::replay::HistoryEntry &entry);

private:
    void showDetails();

    replay::History *m_history;
    HistoryModel *m_model;
    HistoryFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QTableView *m_view;
    QPlainTextEdit *m_details;
    QPushButton *m_sendAgain;
    QLabel *m_error;
};

} // namespace keyhaven::ui
