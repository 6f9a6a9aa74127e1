// ui/models/inspectionmodels.h — the inspector's claim tree and findings list as item models.
#pragma once

#include "jose/finding.h"
#include "jose/inspection.h"

#include <QAbstractItemModel>
#include <QAbstractTableModel>
#include <QList>

#include <memory>
#include <vector>

namespace keyhaven::ui {

// Two top-level rows, "Header" and "Payload (claims)", with the members below them in token
// order; arrays and objects expand. Columns: name, value, meaning (explanation, or the time as
// local plus relative for exp/nbf/iat). The tooltip has all of it.
class ClaimTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, MeaningColumn, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1 }; // "payload/aud/[1]"

    explicit ClaimTreeModel(QObject *parent = nullptr);
    ~ClaimTreeModel() override;

    void setInspection(const jose::Inspection &inspection);
    // The index of a member by path ("header/alg", "payload/exp"), column 0; invalid if absent.
    QModelIndex indexOfPath(const QString &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        QString name, value, meaning, explanation, path;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    Node *nodeOf(const QModelIndex &index) const;
    static void addChildren(Node *node, const QList<jose::InspectedMember> &members);

    std::unique_ptr<Node> m_root;
};

// The findings of a verdict (or, before verification, what the token says about itself).
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, IdColumn, MessageColumn, ReferenceColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, UrlRole };

    explicit FindingsModel(QObject *parent = nullptr);

    void setFindings(const jose::Findings &findings);
    const jose::Findings &findings() const { return m_findings; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    jose::Findings m_findings;
};

} // namespace keyhaven::ui
