import { Badge, Button, Subtitle2 } from "@fluentui/react-components";
import { useState } from "react";
import { InviteToMeeting, MeetingCities, WithdrawInvitation, type Dialogue, type Invitation, type Meeting } from "../../api";
import { useGraphQuery } from "../../api/hooks";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { FormError, fieldError } from "../../components/Field";
import { NumberField } from "../../components/NumberField";
import { ChoicePicker, type Choice } from "../../components/ChoicePicker";
import { useNotify } from "../../components/Toasts";
import { useI18n } from "../../i18n/i18n";
import { useLabel } from "../../i18n/labels";
import { useNames } from "../../i18n/names";
import { formatInZone, viewerZone } from "../../time";
import { useMeetingChange } from "./common";
import { invitationTarget, targetId } from "./logic";
import { memberDetail } from "./people";

/**
 * Invites partner states (their focal points nominate a delegation within the places given), partner agencies, observers, cities (their
 * officials) and single people, chosen in one list grouped by kind.
 */
export function InviteForm({ dialogue, meeting }: { dialogue: Dialogue; meeting: Meeting }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const names = useNames();
  const collator = new Intl.Collator(language);
  const notify = useNotify();
  const cities = useGraphQuery(MeetingCities, { key: dialogue.key });
  const [chosen, setChosen] = useState<string[]>([]);
  const [places, setPlaces] = useState<number | null>(2);
  const invite = useMeetingChange(InviteToMeeting, (data) => {
    const added = data.result.meeting.invitations.length - meeting.invitations.length;
    const states = data.result.meeting.delegations.length - meeting.delegations.length;
    if (added > 0 || states === 0) notify(meeting.status === "DRAFT" ? t("invitedDraft", { count: added }) : t("invitationsSent", { count: added }));
    if (states > 0) notify(t("statesAskedToNominate", { count: states }));
    setChosen([]);
  });
  const organisation = (o: { acronym?: string | null; name: string }) => (o.acronym ? `${o.acronym} — ${o.name}` : o.name);
  const cityList = cities.data?.cities ?? [];
  const choices: Choice[] = [
    ...dialogue.partnerStates.map((s) => ({
      value: targetId("state", s.code), label: names.country(s.code, s.name), detail: s.regionalGroup, group: "state",
    })),
    ...dialogue.partnerAgencies.map((o) => ({ value: targetId("agency", o.key), label: organisation(o), group: "agency" })),
    ...dialogue.observers.map((o) => ({ value: targetId("observer", o.key), label: organisation(o), group: "observer" })),
    ...cityList.map((c) => ({
      value: targetId("city", c.id), label: c.name, detail: `${names.country(c.countryCode)} · ${t("officialsCount", { count: c.officials.length })}`, group: "city",
    })),
    ...dialogue.members.map((m) => ({
      value: targetId("person", m.personId), label: m.person?.name ?? m.email ?? m.personId, detail: memberDetail(m, dialogue, names.country, label), group: "person",
    })),
  ].sort((a, b) => collator.compare(a.label, b.label));
  const groups = [
    { key: "state", label: t("partnerStates") },
    { key: "agency", label: t("partnerAgencies") },
    { key: "observer", label: t("observers") },
    { key: "city", label: t("cities") },
    { key: "person", label: t("people") },
  ];
  const allStates = dialogue.partnerStates.map((s) => targetId("state", s.code));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        invite.mutate({ id: meeting.id, targets: chosen.map((id) => invitationTarget(id, places)) });
      }}
    >
      <ChoicePicker label={t("whomToInvite")} hint={t("whomToInviteHint")} choices={choices} groups={groups} selected={chosen} onChange={setChosen} error={fieldError(invite.error, "targets")} />
      {chosen.some((id) => id.startsWith("state:")) && (
        <NumberField label={t("placesPerState")} value={places} onChange={setPlaces} min={1} max={50} error={fieldError(invite.error, "places")} />
      )}
      <FormError error={invite.error} fields={["targets", "places"]} />
      <div className="actions">
        <Button appearance="primary" type="submit" disabled={chosen.length === 0 || invite.isPending}>
          {t("invite")}
        </Button>
        <Button onClick={() => setChosen([...new Set([...chosen, ...allStates])])}>{t("chooseAllPartnerStates")}</Button>
      </div>
    </form>
  );
}

/** Every invitation with where it stands, the waitlist in order, and withdrawal (confirmed) for the secretariat. */
export function InvitationList({ meeting, mayWithdraw }: { meeting: Meeting; mayWithdraw: boolean }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const notify = useNotify();
  const withdraw = useMeetingChange(WithdrawInvitation);
  const when = (instant: string) => formatInZone(instant, viewerZone(), language);
  const waitlist = meeting.invitations.filter((i) => i.status === "WAITLISTED").sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const count = (status: Invitation["status"]) => meeting.invitations.filter((i) => i.status === status).length;
  return (
    <>
      <p>
        {t("invitationCounts", {
          invited: meeting.invitations.length,
          accepted: meeting.acceptedCount,
          declined: count("DECLINED"),
          waiting: count("INVITED") + count("TENTATIVE"),
        })}
        {meeting.capacity != null && ` ${t("capacityOf", { count: meeting.capacity })}`}
      </p>
      <DataTable
        label={t("invitations")}
        rows={meeting.invitations}
        rowKey={(i) => i.invitee.personId}
        empty={t("noInvitations")}
        columns={[
          {
            key: "name",
            header: t("name"),
            cell: (i) => (
              <span dir="auto" data-user-content>
                {i.invitee.name}
                {i.invitee.affiliation && <span className="meta"> · {i.invitee.affiliation}</span>}
              </span>
            ),
          },
          {
            key: "status",
            header: t("status"),
            cell: (i) => (
              <span>
                {label("InvitationStatus", i.status)}
                {i.waitlistPosition != null && ` · ${t("waitlistNumber", { position: i.waitlistPosition })}`}
              </span>
            ),
          },
          { key: "invited", header: t("invitedAt"), cell: (i) => when(i.invitedAt) },
          { key: "answered", header: t("answeredAt"), cell: (i) => (i.respondedAt ? when(i.respondedAt) : "—") },
          {
            key: "delivery",
            header: t("delivery"),
            cell: (i) =>
              i.deliveryProblem ? (
                <span>
                  <Badge color="danger" appearance="tint">
                    {t("notDelivered")}
                  </Badge>{" "}
                  <span dir="auto" data-user-content>
                    {i.deliveryProblem}
                  </span>
                </span>
              ) : (
                "—"
              ),
          },
          ...(mayWithdraw
            ? [
                {
                  key: "actions",
                  header: t("actions"),
                  cell: (i: Invitation) =>
                    i.status === "WITHDRAWN" ? null : (
                      <ConfirmDialog
                        trigger={<Button size="small">{t("withdrawInvitationOf", { name: i.invitee.name })}</Button>}
                        title={t("withdrawInvitationTitle")}
                        confirm={t("withdrawInvitation")}
                        danger
                        onConfirm={async () => {
                          await withdraw.mutateAsync({ id: meeting.id, personId: i.invitee.personId });
                          notify(t("invitationWithdrawn", { name: i.invitee.name }));
                        }}
                      >
                        <p>{meeting.status === "DRAFT" ? t("withdrawExplainedDraft", { name: i.invitee.name }) : t("withdrawExplained", { name: i.invitee.name })}</p>
                      </ConfirmDialog>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Subtitle2 as="h3">{t("waitlist")}</Subtitle2>
      {waitlist.length === 0 ? (
        <p className="empty">{t("waitlistEmpty")}</p>
      ) : (
        <ol aria-label={t("waitlist")}>
          {waitlist.map((i) => (
            <li key={i.invitee.personId} dir="auto" data-user-content>
              {i.invitee.name}
              {i.invitee.affiliation && ` · ${i.invitee.affiliation}`}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
