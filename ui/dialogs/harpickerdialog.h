// ui/dialogs/harpickerdialog.h — pick one entry of an imported HAR, filtered by host, method and
// recorded status.
#pragma once

#include "replay/harimport.h"

#include <QAbstractTableModel>
#include <QDialog>
#include <QSortFilterProxyModel>

class QComboBox;
class QLineEdit;
class QTableView;

namespace keyhaven::ui {

class HarEntriesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IndexColumn, MethodColumn, UrlColumn, StatusColumn, ColumnCount };
    HarEntriesModel(const QList<replay::HarEntry> &entries, QObject *parent = nullptr);
    const replay::HarEntry &entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const QList<replay::HarEntry> &m_entries; // owned by the caller, outlives the dialog
};

// replay::HarFilter decides: the filter of `keyhaven-cli replay --har --host/--method/--status`.
class HarFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setFilter(const replay::HarFilter &filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    replay::HarFilter m_filter;
};

class HarPickerDialog : public QDialog
{
    Q_OBJECT
public:
    HarPickerDialog(const QList<replay::HarEntry> &entries, QWidget *parent = nullptr);
    // The chosen entry's position in `entries` (-1: none).
    int selectedIndex() const;
    QLineEdit *hostEdit() const { return m_host; }
    QComboBox *methodCombo() const { return m_method; }
    QLineEdit *statusEdit() const { return m_status; }
    QTableView *view() const { return m_view; }
    HarFilterProxyModel *proxy() const { return m_proxy; }

private:
    void applyFilter();

    HarEntriesModel *m_model;
    HarFilterProxyModel *m_proxy;
    QLineEdit *m_host;
    QComboBox *m_method;
    QLineEdit *m_status;
    QTableView *m_view;
};

} // namespace keyhaven::ui
