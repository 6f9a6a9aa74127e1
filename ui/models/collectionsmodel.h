// ui/models/collectionsmodel.h — the saved requests (app/replay Collections) as a tree: the
// collections at the top, their requests under them, in the user's order.
#pragma once

#include "replay/collections.h"

#include <QAbstractItemModel>
#include <QList>

namespace keyhaven::ui {

class CollectionsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role { CollectionRole = Qt::UserRole + 1, RequestRole };

    explicit CollectionsModel(QObject *parent = nullptr);

    void setCollections(const QList<replay::Collection> &collections); // sorted by name
    const QList<replay::Collection> &collections() const { return m_collections; }
    // The collection of a row (a collection's own row or one of its requests); null for none.
    const replay::Collection *collectionAt(const QModelIndex &index) const;
    // The saved request of a request row; null for a collection row.
    const replay::SavedRequest *requestAt(const QModelIndex &index) const;
    const replay::Collection *collection(const QString &name) const;
    // The row of a collection (empty `request`) or of one of its requests; invalid when missing.
    QModelIndex indexOf(const QString &collection, const QString &request = {}) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // internalId: 0 for a collection row, its collection's row + 1 for a request row.
    QList<replay::Collection> m_collections;
};

} // namespace keyhaven::ui
