// Open alerts, newest first, rendered generically from what each watch put in
// the alert: reasons (i18n keys + masked subs), rows and columns (page text,
// shown as text only, marked as quoted page text) and the page to check on Amazon.
import { openAlerts, reasonPieces, TRUST_LABEL } from '../core/alerts';
import type { Alert } from '../core/types';
import { formatDate, t } from './i18n';
import { amazonUrl, reviewLink } from './links';
import type { Act } from './useGuardState';

/** Rows shown per alert: every row an alert keeps (MAX_ALERT_ROWS), so "accept" accepts exactly what is listed; any beyond are counted. */
export const MAX_ROWS = 100;

/** Text read from a page: quoted, styled apart, labelled as the page's words, never the extension's. */
export function PageText({ text }: { text: string }) {
  return (
    <span class="page-text" title={t('pageTextTitle')}>
      {text}
    </span>
  );
}

function Rows({ alert }: { alert: Alert }) {
  // Rows cut to the alert's byte budget keep only their listing key (core/budget): not shown, counted.
  const rows = (alert.rows ?? []).filter((r) => r.cells.length > 0);
  if (rows.length === 0) return null;
  const shown = rows.slice(0, MAX_ROWS);
  const more = rows.length - shown.length + (alert.rowsOmitted ?? 0);
  return (
    <div class="rows">
      <table aria-label={t('pageTextTable')}>
        {alert.columns && alert.columns.length > 0 && (
          <thead>
            <tr>
              {alert.columns.map((c) => (
                <th key={c} scope="col">
                  {t(c)}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {shown.map((r, i) => {
            const link = amazonUrl(r.url);
            return (
              <tr key={i}>
                {r.cells.map((cell, j) => (
                  <td key={j}>
                    {j === 0 && link ? (
                      <a href={link} target="_blank" rel="noopener noreferrer">
                        <PageText text={cell} />
                      </a>
                    ) : (
                      cell && <PageText text={cell} />
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {more > 0 && <p class="meta">{t('popupMoreRows', [String(more)])}</p>}
    </div>
  );
}

function AlertItem({ alert, act }: { alert: Alert; act: Act }) {
  const review = reviewLink(alert);
  const answer = (action: 'trust' | 'dismiss') => void act({ type: 'alert-action', alertIds: [alert.id], action });
  return (
    <li class={`alert alert-${alert.severity}`} data-alert-id={alert.id} data-kind={alert.kind} data-severity={alert.severity}>
      {alert.reasons.length > 0 ? (
        alert.reasons.map((r, i) => (
          <p key={i} class="alert-text">
            {reasonPieces(r, t).map((piece, j) => (piece.quoted ? <PageText key={j} text={piece.text} /> : piece.text))}
          </p>
        ))
      ) : (
        <p class="alert-text">{alert.hint}</p>
      )}
      <Rows alert={alert} />
      <p class="meta">
        {alert.marketplace} · {t('alertSeen', [formatDate(alert.createdAt, true), formatDate(alert.lastSeenAt, true)])}
        {alert.seenCount > 1 && ` · ${t('popupSeenTimes', [String(alert.seenCount)])}`}
      </p>
      <div class="actions">
        <button type="button" data-action="trust" onClick={() => answer('trust')}>
          {t(TRUST_LABEL[alert.kind] ?? 'actionTrust')}
        </button>
        <button type="button" data-action="dismiss" onClick={() => answer('dismiss')}>
          {t('actionDismiss')}
        </button>
        {review && (
          <a class="button" data-action="review" href={review} target="_blank" rel="noopener noreferrer">
            {t('popupOpenOnAmazon')}
          </a>
        )}
      </div>
    </li>
  );
}

export function AlertList({ alerts, act }: { alerts: readonly Alert[]; act: Act }) {
  const open = openAlerts({ alerts });
  return (
    <section id="alerts" aria-labelledby="alerts-h">
      <h2 id="alerts-h">{t('alertsHeading')}</h2>
      {open.length === 0 ? (
        <p class="empty">{t('alertsNone')}</p>
      ) : (
        <ul class="alerts">
          {open.map((a) => (
            <AlertItem key={a.id} alert={a} act={act} />
          ))}
        </ul>
      )}
    </section>
  );
}
