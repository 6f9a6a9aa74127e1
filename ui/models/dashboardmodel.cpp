// ui/models/dashboardmodel.cpp — every item with a rotation or expiry deadline.
#include "models/dashboardmodel.h"

#include "vault/itemrotation.h"

namespace keyhaven::ui {

DashboardModel::DashboardModel(QObject *parent, Clock clock, QTimeZone zone)
    : ItemTableModel({ Column::Name, Column::Kind, Column::Status, Column::Due, Column::Expires,
                         Column::LastRotated, Column::Owner },
        parent, std::move(clock), std::move(zone))
{
    // The most urgent first.
    sort(columnOf(Column::Status), Qt::AscendingOrder);
}

bool DashboardModel::acceptsItem(const vault::Item &item) const
{
    return vault::rotationPolicy(item).rotateEveryDays > 0
        || vault::credentialExpiry(item).isValid();
}

DashboardModel::Counts DashboardModel::counts() const
{
    using rotation::RotationState;
    Counts c;
    for (int row = 0; row < rowCount(); ++row) {
        switch (rotationStatusAt(row).state) {
        case RotationState::Overdue:
            ++c.overdue;
            break;
        case RotationState::DueSoon:
            ++c.dueSoon;
            break;
        case RotationState::Expiring:
        case RotationState::Expired:
            ++c.expiring;
            break;
        case RotationState::Ok:
        case RotationState::NoSchedule:
            break;
        }
    }
    return c;
}

} // namespace keyhaven::ui
