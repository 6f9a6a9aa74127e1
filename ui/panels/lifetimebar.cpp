// ui/panels/lifetimebar.cpp — a small bar of a token's life: iat → nbf → now → exp.
#include "panels/lifetimebar.h"
#include "theme.h"

#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

namespace {
constexpr int kMargin = 18;
constexpr int kTrackHeight = 8;
} // namespace

LifetimeBar::LifetimeBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"lifetimeBar"_s);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize LifetimeBar::sizeHint() const { return { 320, fontMetrics().height() * 2 + 26 }; }

QSize LifetimeBar::minimumSizeHint() const { return { 160, sizeHint().height() }; }

void LifetimeBar::clear()
{
    m_lifetime = {};
    m_markers.clear();
    setToolTip(QString());
    update();
}

void LifetimeBar::setLifetime(const jose::Lifetime &lifetime)
{
    m_lifetime = lifetime;
    m_markers.clear();
    if (lifetime.state != jose::Lifetime::State::Unknown) {
        // In time order, so that labels alternate sides along the bar.
        QList<std::pair<qint64, QString>> points;
        if (lifetime.iat)
            points.append({ *lifetime.iat, u"iat"_s });
        if (lifetime.nbf)
            points.append({ *lifetime.nbf, u"nbf"_s });
        points.append({ lifetime.now, u"now"_s });
        if (lifetime.exp)
            points.append({ *lifetime.exp, u"exp"_s });
        std::stable_sort(points.begin(), points.end(),
            [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[t, label] : points)
            m_markers.append({ label, lifetime.position(t) });
    }
    QString tip;
    if (lifetime.iat)
        tip += tr("issued: %1\n").arg(jose::localTime(*lifetime.iat));
    if (lifetime.nbf)
        tip += tr("valid from: %1\n").arg(jose::localTime(*lifetime.nbf));
    if (lifetime.exp)
        tip += tr("expires: %1\n").arg(jose::localTime(*lifetime.exp));
    setToolTip(tip + lifetime.summary);
    update();
}

void LifetimeBar::paintEvent(QPaintEvent *)
{
    if (m_markers.isEmpty())
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int fh = fontMetrics().height();
    const int trackY = fh + 6;
    const int left = kMargin;
    const int width = std::max(1, this->width() - 2 * kMargin);
    const auto xOf = [&](double pos) { return left + pos * width; };

    // The whole span, then the valid window (nbf or iat → exp) coloured by the token's state.
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Mid));
    p.drawRoundedRect(QRectF(left, trackY, width, kTrackHeight), 4, 4);
    const auto &l = m_lifetime;
    if (l.exp) {
        const qint64 from = l.nbf ? *l.nbf : (l.iat ? *l.iat : l.start());
        // Fills, not text: the same on light and dark (white-on-them contrast is not needed).
        QColor c = QColor(0x2e, 0x7d, 0x32); // valid: green
        if (l.state == jose::Lifetime::State::Expired)
            c = QColor(0xc6, 0x28, 0x28);
        else if (l.state == jose::Lifetime::State::NotYetValid)
            c = QColor(0xef, 0x8f, 0x00);
        p.setBrush(c);
        const double x0 = xOf(l.position(from));
        const double x1 = xOf(l.position(*l.exp));
        p.drawRoundedRect(QRectF(x0, trackY, std::max(4.0, x1 - x0), kTrackHeight), 4, 4);
    }

    // Markers: labels alternate above and below so that close ones do not overlap.
    for (int i = 0; i < m_markers.size(); ++i) {
        const Marker &m = m_markers.at(i);
        const double x = xOf(m.position);
        const bool now = m.label == u"now"_s;
        p.setPen(QPen(
            now ? theme::color(theme::Tone::Now, palette()) : palette().color(QPalette::WindowText),
            now ? 2.5 : 1.5));
        p.drawLine(QPointF(x, trackY - 4), QPointF(x, trackY + kTrackHeight + 4));
        const bool above = (i % 2) == 0;
        const int tw = fontMetrics().horizontalAdvance(m.label);
        const double tx = std::clamp(x - tw / 2.0, 0.0, double(this->width() - tw));
        const double ty = above ? fh - 2 : trackY + kTrackHeight + 4 + fh - 2;
        QFont f = font();
        f.setBold(now);
        p.setFont(f);
        p.drawText(QPointF(tx, ty), m.label);
    }
}

} // namespace keyhaven::ui
