// ui/models/keyvaluemodel.h — an ordered name/value table (query parameters, request and response
// headers); duplicates are kept, as HTTP keeps them.
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPair>
#include <QString>

namespace keyhaven::ui {

class KeyValueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, ColumnCount };
    using Row = QPair<QString, QString>;

    KeyValueModel(const QString &nameTitle, bool editable, QObject *parent = nullptr);

    void setRows(const QList<Row> &rows);
    const QList<Row> &rows() const { return m_rows; }
    // Appends an empty row (editable models) and returns its row number.
    int appendRow();
    void removeRowAt(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The user changed the rows (edit, add, remove); not emitted by setRows().
    void edited();

private:
    QString m_nameTitle;
    bool m_editable;
    QList<Row> m_rows;
};

} // namespace keyhaven::ui
