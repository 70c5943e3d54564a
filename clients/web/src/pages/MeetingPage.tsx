import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { request } from "../api/graphql";
import { MeetingQuery, RespondToInvitation } from "../api";
import { FormError } from "../components/Field";
import { useI18n } from "../i18n/i18n";
import { formatInZone, sameOffset, viewerZone } from "../time";
import { titleIn } from "../text";
import { useQuery } from "../useQuery";

/** A time in the meeting's zone, with the viewer's own beside it when it differs. */
export function MeetingTime({ instant, timeZone }: { instant: string; timeZone: string }) {
  const { t, language } = useI18n();
  const mine = viewerZone();
  return (
    <span>
      {t("meetingTime", { time: formatInZone(instant, timeZone, language), zone: timeZone })}
      {!sameOffset(instant, timeZone, mine) && <span className="meta"> · {t("yourTime", { time: formatInZone(instant, mine, language) })}</span>}
    </span>
  );
}

export function MeetingPage() {
  const { dialogue = "", id = "" } = useParams();
  const meetingId = `${dialogue}/${id}`;
  const { t, language } = useI18n();
  const { data, error, setData } = useQuery(MeetingQuery, { id: meetingId });
  const [answerError, setAnswerError] = useState<unknown>(null);
  if (error) return <p role="alert">{t("notFound")}</p>;
  if (!data) return <p>{t("loading")}</p>;
  const m = data.meeting;

  async function answer(response: "ACCEPT" | "TENTATIVE" | "DECLINE") {
    setAnswerError(null);
    try {
      const { result } = await request(RespondToInvitation, { id: meetingId, response });
      setData({ meeting: result.meeting });
    } catch (e) {
      setAnswerError(e);
    }
  }

  return (
    <article>
      <h1 dir="auto">{titleIn(m.titles, language)}</h1>
      <p>
        <span className={`status status-${m.status}`}>{m.status}</span> · {m.type} · {[m.venue, m.city, m.hostCountry].filter(Boolean).join(", ")}
      </p>
      <dl className="facts">
        <dt>{t("starts")}</dt>
        <dd><MeetingTime instant={m.startsAt} timeZone={m.timeZone} /></dd>
        <dt>{t("ends")}</dt>
        <dd><MeetingTime instant={m.endsAt} timeZone={m.timeZone} /></dd>
        {m.onlineMeetingUrl && (
          <>
            <dt>{t("joinOnline")}</dt>
            <dd><a href={m.onlineMeetingUrl} dir="ltr">{m.onlineMeetingUrl}</a></dd>
          </>
        )}
      </dl>
      {m.descriptions.length > 0 && <p dir="auto">{titleIn(m.descriptions, language)}</p>}
      <p>
        <Link className="button" to={`/meetings/${meetingId}/notes`}>{t("openNotes")}</Link>
      </p>

      <section aria-labelledby="registration">
        <h2 id="registration">{t("myRegistration")}</h2>
        {m.myInvitation ? (
          <>
            <p><span className={`status status-${m.myInvitation.status}`}>{m.myInvitation.status}</span></p>
            {m.myInvitation.waitlistPosition && <p>{t("waitlistPosition", { position: m.myInvitation.waitlistPosition })}</p>}
            <div className="actions">
              <button type="button" onClick={() => answer("ACCEPT")}>{t("accept")}</button>
              <button type="button" onClick={() => answer("TENTATIVE")}>{t("tentative")}</button>
              <button type="button" onClick={() => answer("DECLINE")}>{t("decline")}</button>
            </div>
            <FormError error={answerError} />
          </>
        ) : (
          <p>{t("notInvited")}</p>
        )}
      </section>

      <section aria-labelledby="agenda">
        <h2 id="agenda">{t("agenda")}</h2>
        <ol className="sessions">
          {m.sessions.map((s) => (
            <li key={s.id}>
              <strong dir="auto">{s.title}</strong> — <MeetingTime instant={s.startsAt} timeZone={m.timeZone} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="chairs">
        <h2 id="chairs">{t("coChairs")}</h2>
        <ul>{m.coChairs.map((c) => <li key={c.personId} dir="auto">{c.name} ({c.affiliation})</li>)}</ul>
        {m.rapporteurs.length > 0 && (
          <>
            <h3 id="rapporteurs">{t("rapporteurs")}</h3>
            <ul aria-labelledby="rapporteurs">{m.rapporteurs.map((r) => <li key={r.personId} dir="auto">{r.name}</li>)}</ul>
          </>
        )}
      </section>

      {m.documents.length > 0 && (
        <section aria-labelledby="documents">
          <h2 id="documents">{t("documents")}</h2>
          <ul>
            {m.documents.map((d) => (
              <li key={d.id}><a href={d.url ?? "#"} dir="auto">{d.title}</a> ({d.kind})</li>
            ))}
          </ul>
        </section>
      )}

      {m.participants.length > 0 && (
        <section aria-labelledby="participants">
          <h2 id="participants">{t("participants")} ({m.acceptedCount})</h2>
          <ul>{m.participants.map((p) => <li key={p.personId} dir="auto">{p.name} — {p.affiliation}</li>)}</ul>
        </section>
      )}

      {m.invitations.length > 0 && (
        <section aria-labelledby="invitations">
          <h2 id="invitations">{t("invitations")}</h2>
          <table>
            <thead><tr><th scope="col">{t("name")}</th><th scope="col">{t("status")}</th></tr></thead>
            <tbody>
              {m.invitations.map((i) => (
                <tr key={i.invitee.personId}>
                  <td dir="auto">{i.invitee.name} — {i.invitee.affiliation}</td>
                  <td>{i.status}{i.deliveryProblem && <span className="field-error"> {i.deliveryProblem}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </article>
  );
}
