// ui/models/dashboardmodel.h — every item with a rotation or expiry deadline, for the dashboard.
#pragma once

#include "models/itemtablemodel.h"

namespace keyhaven::ui {

// An ItemTableModel over every kind: the items that have a rotation schedule or an expiry
// (JWT exp, a refresh token's or a certificate's expiry stored as the item's expiry), with
// Name, Kind, Status, Due, Expires, Last rotated and Owner. Sorted by Status, the most urgent
// deadline comes first. Filtering is ItemFilterProxyModel's, unchanged.
class DashboardModel : public ItemTableModel
{
    Q_OBJECT
public:
    explicit DashboardModel(QObject *parent, Clock clock = Clock::system(),
        QTimeZone zone = QTimeZone::systemTimeZone());

    struct Counts
    {
        int overdue = 0; // past the rotation date
        int dueSoon = 0; // within the warning period
        int expiring = 0; // expiring soon or expired
    };
    // Counted over every row (not only the filtered ones) at the model's clock.
    Counts counts() const;

protected:
    bool acceptsItem(const vault::Item &item) const override;
};

} // namespace keyhaven::ui
