// ui/panels/lifetimebar.h — a small bar of a token's life: iat → nbf → now → exp.
#pragma once

#include "jose/inspection.h"

#include <QList>
#include <QWidget>

namespace keyhaven::ui {

class LifetimeBar : public QWidget
{
    Q_OBJECT
public:
    struct Marker
    {
        QString label; // "iat", "nbf", "now", "exp"
        double position = 0; // 0..1 along the bar
    };

    explicit LifetimeBar(QWidget *parent = nullptr);

    void setLifetime(const jose::Lifetime &lifetime);
    void clear();
    const QList<Marker> &markers() const { return m_markers; }
    jose::Lifetime::State state() const { return m_lifetime.state; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    jose::Lifetime m_lifetime;
    QList<Marker> m_markers;
};

} // namespace keyhaven::ui
