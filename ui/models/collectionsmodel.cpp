// ui/models/collectionsmodel.cpp — saved requests as a two-level tree.
#include "models/collectionsmodel.h"

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

CollectionsModel::CollectionsModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void CollectionsModel::setCollections(const QList<replay::Collection> &collections)
{
    beginResetModel();
    m_collections = collections;
    endResetModel();
}

const replay::Collection *CollectionsModel::collectionAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const qsizetype row = index.internalId() == 0 ? index.row() : qsizetype(index.internalId()) - 1;
    return row >= 0 && row < m_collections.size() ? &m_collections.at(row) : nullptr;
}

const replay::SavedRequest *CollectionsModel::requestAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == 0)
        return nullptr;
    const replay::Collection *c = collectionAt(index);
    return c && index.row() < c->requests.size() ? &c->requests.at(index.row()) : nullptr;
}

const replay::Collection *CollectionsModel::collection(const QString &name) const
{
    for (const replay::Collection &c : m_collections) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QModelIndex CollectionsModel::indexOf(const QString &collection, const QString &request) const
{
    for (int c = 0; c < m_collections.size(); ++c) {
        if (m_collections.at(c).name != collection)
            continue;
        if (request.isEmpty())
            return index(c, 0);
        const QList<replay::SavedRequest> &requests = m_collections.at(c).requests;
        for (int r = 0; r < requests.size(); ++r) {
            if (requests.at(r).name == request)
                return index(r, 0, index(c, 0));
        }
    }
    return {};
}

QModelIndex CollectionsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex CollectionsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int CollectionsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_collections.size());
    if (parent.column() > 0 || parent.internalId() != 0)
        return 0;
    const replay::Collection *c = collectionAt(parent);
    return c ? int(c->requests.size()) : 0;
}

int CollectionsModel::columnCount(const QModelIndex &) const { return 1; }

QVariant CollectionsModel::data(const QModelIndex &index, int role) const
{
    const replay::Collection *c = collectionAt(index);
    if (!c)
        return {};
    const replay::SavedRequest *s = requestAt(index);
    switch (role) {
    case Qt::DisplayRole:
        return s ? s->name : c->name;
    case Qt::ToolTipRole:
        if (s)
            return u"%1 %2"_s.arg(QString::fromLatin1(s->request.method), s->request.url);
        //: Saved requests: the tooltip of a collection
        return c->requests.size() == 1 ? tr("1 saved request")
                                       : tr("%n saved requests", nullptr, int(c->requests.size()));
    case CollectionRole:
        return c->name;
    case RequestRole:
        return s ? s->name : QString();
    default:
        return {};
    }
}

QVariant CollectionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section == 0 && role == Qt::DisplayRole)
        return tr("Saved requests");
    return {};
}

} // namespace keyhaven::ui
