// ui/models/inspectionmodels.cpp — the inspector's claim tree and findings list as item models.
#include "models/inspectionmodels.h"
#include "theme.h"

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

ClaimTreeModel::ClaimTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
}

ClaimTreeModel::~ClaimTreeModel() = default;

void ClaimTreeModel::addChildren(Node *node, const QList<jose::InspectedMember> &members)
{
    for (const jose::InspectedMember &m : members) {
        auto child = std::make_unique<Node>();
        child->name = m.name;
        child->value = m.display;
        child->explanation = m.explanation;
        child->meaning = m.time.isEmpty() ? m.explanation : m.time;
        child->path = node->path + u'/' + m.name;
        child->parent = node;
        child->row = int(node->children.size());
        addChildren(child.get(), m.children);
        node->children.push_back(std::move(child));
    }
}

void ClaimTreeModel::setInspection(const jose::Inspection &inspection)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    const auto section = [this](const QString &name, const QString &path, const QString &meaning,
                             const QList<jose::InspectedMember> &members) {
        auto node = std::make_unique<Node>();
        node->name = name;
        node->path = path;
        node->meaning = meaning;
        node->parent = m_root.get();
        node->row = int(m_root->children.size());
        addChildren(node.get(), members);
        m_root->children.push_back(std::move(node));
    };
    using Kind = jose::Inspection::Kind;
    if (inspection.kind == Kind::Jws || inspection.kind == Kind::Jwe
        || !inspection.header.isEmpty()) {
        section(tr("Header"), u"header"_s, tr("How the token is signed (or encrypted)"),
            inspection.header);
    }
    if (inspection.kind == Kind::Jwe) {
        section(tr("Payload"), u"payload"_s, tr("Encrypted: cannot be read without the key"), {});
    } else if (!inspection.claims.isEmpty()) {
        section(tr("Payload (claims)"), u"payload"_s, tr("What the token says; not secret"),
            inspection.claims);
    }
    endResetModel();
}

QModelIndex ClaimTreeModel::indexOfPath(const QString &path) const
{
    const QStringList parts = path.split(u'/');
    const Node *node = m_root.get();
    QModelIndex index;
    QString sofar;
    for (const QString &part : parts) {
        sofar = sofar.isEmpty() ? part : sofar + u'/' + part;
        const Node *next = nullptr;
        for (const auto &c : node->children) {
            if (c->path == u'/' + sofar || c->path == sofar) {
                next = c.get();
                break;
            }
        }
        if (!next)
            return {};
        index = this->index(next->row, 0, index);
        node = next;
    }
    return index;
}

ClaimTreeModel::Node *ClaimTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex ClaimTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *p = nodeOf(parent);
    return createIndex(row, column, p->children.at(size_t(row)).get());
}

QModelIndex ClaimTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *n = nodeOf(child);
    if (!n->parent || n->parent == m_root.get())
        return {};
    return createIndex(n->parent->row, 0, n->parent);
}

int ClaimTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int ClaimTreeModel::columnCount(const QModelIndex &) const { return ColumnCount; }

QVariant ClaimTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return n->name;
        case ValueColumn:
            // Very long values (a certificate chain) stay readable in the tooltip / on copy.
            return n->value.size() > 300 ? n->value.left(300) + u"…"_s : n->value;
        case MeaningColumn:
            return n->meaning;
        }
        break;
    case Qt::ToolTipRole: {
        QString tip = n->name;
        if (!n->value.isEmpty())
            tip += u": "_s + n->value.left(2000);
        if (!n->explanation.isEmpty())
            tip += u"\n\n"_s + n->explanation;
        if (n->meaning != n->explanation && !n->meaning.isEmpty())
            tip += u"\n"_s + n->meaning;
        return tip;
    }
    case Qt::FontRole:
        if (n->parent == m_root.get()) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case PathRole:
        return n->path;
    default:
        break;
    }
    return {};
}

QVariant ClaimTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case MeaningColumn:
        return tr("Meaning");
    }
    return {};
}

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FindingsModel::setFindings(const jose::Findings &findings)
{
    beginResetModel();
    m_findings = findings;
    // Errors first, in the engine's order.
    std::stable_sort(m_findings.begin(), m_findings.end(),
        [](const jose::Finding &a, const jose::Finding &b) { return a.isError() && !b.isError(); });
    endResetModel();
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const jose::Finding &f = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return f.isError() ? tr("error") : tr("warning");
        case IdColumn:
            return f.id;
        case MessageColumn:
            return f.message;
        case ReferenceColumn:
            return jose::findingReferenceText(f.id);
        }
        break;
    case Qt::ToolTipRole: {
        const QUrl url = jose::findingReference(f.id);
        return url.isEmpty()
            ? f.message
            : f.message + u"\n\n"_s + tr("Double-click to open %1").arg(url.toString());
    }
    case Qt::ForegroundRole:
        if (index.column() == SeverityColumn)
            return QBrush(theme::color(f.isError() ? theme::Tone::Error : theme::Tone::Warning));
        if (index.column() == ReferenceColumn)
            return QBrush(theme::color(theme::Tone::Link));
        break;
    case IdRole:
        return f.id;
    case UrlRole:
        return jose::findingReference(f.id);
    default:
        break;
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case IdColumn:
        return tr("Finding");
    case MessageColumn:
        return tr("Explanation");
    case ReferenceColumn:
        return tr("Reference");
    }
    return {};
}

} // namespace keyhaven::ui
