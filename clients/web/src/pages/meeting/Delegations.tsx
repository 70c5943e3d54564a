import { Badge, Button, Card, Input, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { DeclineDelegation, NominateDelegates, WithdrawNomination, type Delegation, type Dialogue, type Meeting } from "../../api";
import { CheckboxGroup } from "../../components/CheckboxGroup";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Field, FormError, fieldError } from "../../components/Field";
import { LanguageSelect } from "../../components/LanguageSelect";
import { useNotify } from "../../components/Toasts";
import { useI18n } from "../../i18n/i18n";
import { useLabel } from "../../i18n/labels";
import { useNames } from "../../i18n/names";
import { useMeetingChange } from "./common";
import { nominationChoices, placesLeft } from "./logic";

const useStyles = makeStyles({
  card: { marginBlockEnd: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL },
  nominees: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  nominee: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, marginBlockEnd: tokens.spacingVerticalXS },
  newPerson: { display: "grid", gap: tokens.spacingVerticalS, gridTemplateColumns: "repeat(auto-fit, minmax(12rem, 1fr))" },
});

const statusColor = { AWAITING_NOMINATIONS: "warning", NOMINATED: "success", DECLINED: "subtle" } as const;

/**
 * The delegations of the partner states invited to a meeting: for the secretariat every state's, for a focal
 * point their own. Who may nominate names delegates within the state's places, from the people registered for
 * the state or new people by name and address, takes a nomination back, or says the state stays away.
 */
export function Delegations({ meeting, dialogue }: { meeting: Meeting; dialogue: Dialogue | undefined }) {
  const { t } = useI18n();
  if (meeting.delegations.length === 0) return <p className="empty">{t("noDelegations")}</p>;
  return (
    <>
      <p className="meta">{t("delegationsExplained")}</p>
      {meeting.delegations.map((d) => (
        <DelegationCard key={d.partnerStateCode} meeting={meeting} delegation={d} dialogue={dialogue} />
      ))}
    </>
  );
}

function DelegationCard({ meeting, delegation, dialogue }: { meeting: Meeting; delegation: Delegation; dialogue: Dialogue | undefined }) {
  const { t } = useI18n();
  const label = useLabel();
  const names = useNames();
  const styles = useStyles();
  const notify = useNotify();
  const state = names.country(delegation.partnerStateCode, delegation.partnerStateName);
  const withdraw = useMeetingChange(WithdrawNomination);
  const decline = useMeetingChange(DeclineDelegation, () => notify(t("delegationDeclined", { state })));
  const standing = delegation.nominees.filter((n) => n.status !== "WITHDRAWN" && n.status !== "DECLINED");
  const headingId = `delegation-${delegation.partnerStateCode}`;
  return (
    <Card className={styles.card} aria-labelledby={headingId} role="region">
      <Subtitle2 as="h3" id={headingId}>
        {state}{" "}
        <Badge appearance="tint" color={statusColor[delegation.status]}>
          {label("DelegationStatus", delegation.status)}
        </Badge>
      </Subtitle2>
      <p>{t("delegationPlaces", { places: delegation.places, nominated: standing.length })}</p>
      {delegation.status === "DECLINED" && delegation.declineReason && (
        <p>
          {t("declinedBecause")}{" "}
          <span dir="auto" data-user-content>
            {delegation.declineReason}
          </span>
        </p>
      )}
      {delegation.nominees.length > 0 && (
        <ul className={styles.nominees} aria-label={t("nomineesOf", { state })}>
          {delegation.nominees.map((n) => (
            <li key={n.invitee.personId} className={styles.nominee}>
              <span dir="auto" data-user-content>
                {n.invitee.name}
              </span>
              <span className="meta">· {label("InvitationStatus", n.status)}</span>
              {delegation.canNominate && n.status !== "WITHDRAWN" && (
                <ConfirmDialog
                  trigger={<Button size="small">{t("withdrawNominationOf", { name: n.invitee.name })}</Button>}
                  title={t("withdrawNominationTitle")}
                  confirm={t("withdrawNomination")}
                  danger
                  onConfirm={async () => {
                    await withdraw.mutateAsync({ id: meeting.id, partnerStateCode: delegation.partnerStateCode, personId: n.invitee.personId });
                    notify(t("nominationWithdrawn", { name: n.invitee.name }));
                  }}
                >
                  <p>{t("withdrawNominationExplained", { name: n.invitee.name })}</p>
                </ConfirmDialog>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormError error={withdraw.error} />
      {delegation.canNominate && placesLeft(delegation) > 0 && <NominateForm meeting={meeting} delegation={delegation} dialogue={dialogue} state={state} />}
      {delegation.canNominate && delegation.status !== "DECLINED" && (
        <div className="actions">
          <ConfirmDialog
            trigger={<Button>{t("declineForState", { state })}</Button>}
            title={t("declineDelegationTitle", { state })}
            confirm={t("declineDelegation")}
            danger
            reason={{ label: t("declineReason"), optional: true }}
            onConfirm={(reason) => decline.mutateAsync({ id: meeting.id, partnerStateCode: delegation.partnerStateCode, reason: reason || null })}
          >
            <p>{t("declineDelegationExplained", { state })}</p>
          </ConfirmDialog>
        </div>
      )}
      <FormError error={decline.error} />
    </Card>
  );
}

/** Names delegates: people registered for the state, ticked, and new people by name, address and language. */
function NominateForm({ meeting, delegation, dialogue, state }: { meeting: Meeting; delegation: Delegation; dialogue: Dialogue | undefined; state: string }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const notify = useNotify();
  const [chosen, setChosen] = useState<string[]>([]);
  const [newcomer, setNewcomer] = useState({ name: "", email: "", preferredLanguage: language as string });
  const nominate = useMeetingChange(NominateDelegates, () => {
    notify(t("delegatesNominated", { state }));
    setChosen([]);
    setNewcomer({ name: "", email: "", preferredLanguage: language });
  });
  const choices = dialogue ? nominationChoices(dialogue, delegation, language) : [];
  const withNewcomer = newcomer.name.trim() !== "" || newcomer.email.trim() !== "";
  const fields = ["personIds", "newDelegates", "newDelegates.name", "newDelegates.email", "newDelegates.preferredLanguage"];
  return (
    <form
      noValidate
      aria-label={t("nominateFor", { state })}
      onSubmit={(e) => {
        e.preventDefault();
        nominate.mutate({
          id: meeting.id,
          partnerStateCode: delegation.partnerStateCode,
          personIds: chosen,
          newDelegates: withNewcomer ? [{ name: newcomer.name.trim(), email: newcomer.email.trim(), preferredLanguage: newcomer.preferredLanguage }] : [],
        });
      }}
    >
      <p>{t("placesLeft", { count: placesLeft(delegation) })}</p>
      {choices.length > 0 ? (
        <CheckboxGroup label={t("registeredForState", { state })} options={choices} selected={chosen} onChange={setChosen} error={fieldError(nominate.error, "personIds")} />
      ) : (
        <p className="meta">{t("nobodyRegisteredForState", { state })}</p>
      )}
      <fieldset>
        <legend>{t("someoneNew")}</legend>
        <div className={styles.newPerson}>
          <Field label={t("name")} error={fieldError(nominate.error, "newDelegates.name")}>
            {(p) => <Input {...p} value={newcomer.name} onChange={(_, d) => setNewcomer({ ...newcomer, name: d.value })} />}
          </Field>
          <Field label={t("email")} error={fieldError(nominate.error, "newDelegates.email")}>
            {(p) => <Input {...p} type="email" value={newcomer.email} onChange={(_, d) => setNewcomer({ ...newcomer, email: d.value })} />}
          </Field>
          <Field label={t("preferredLanguage")} error={fieldError(nominate.error, "newDelegates.preferredLanguage")}>
            {(p) => <LanguageSelect {...p} value={newcomer.preferredLanguage} onChange={(l) => setNewcomer({ ...newcomer, preferredLanguage: l })} />}
          </Field>
        </div>
      </fieldset>
      <FormError error={nominate.error} fields={fields} />
      <div className="actions">
        <Button appearance="primary" type="submit" disabled={nominate.isPending || (chosen.length === 0 && !withNewcomer)}>
          {t("nominate")}
        </Button>
      </div>
    </form>
  );
}
