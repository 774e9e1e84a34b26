// The vocabulary every account page type is declared in (the declarations
// themselves are src/readers/account/<kind>.ts, listed once in
// src/readers/account/table.ts): where a page lives, how each field it shows is
// masked, which change of it is an alarm and how serious, which of Amazon's
// forms on it are the owner's own change, where the owner reviews it.
//
// The split: a declaration is plain data plus one pure reader
// (Document -> fields). The data half is interpreted here and in the judges
// (core stays browser-free: nothing here touches a DOM or the browser); the
// reader half runs only in the content script. The background imports the
// table for its data, so a new page type is one declaration file and one
// line in the table, and nothing else is edited.

import type { AccountField, AccountFieldName, OrderSeen, OwnerChangeField, Severity } from './types';

/** How a clear value is kept: always as a salted hash plus this masked hint. */
export type FieldMask =
  | 'email' // an email address: same fingerprint as a known account, hint ta***@g***.com
  | 'phone' // a phone number: same fingerprint as a known account, hint +81 ***78
  | 'email-or-name' // a user list entry: an email, else a name shown as its first letter
  | 'name' // a person's name: first character only
  | 'address' // postcode prefix and city only
  | 'deposit' // the last digits Amazon shows of a bank account: ****31
  | 'digits' // free text with its numbers cut to the last two digits
  | 'plain'; // not personal: "on"/"off", a count

/** One alarm: how serious, and the _locales key of its sentence (its one substitution is the new value's hint). */
export interface ChangeRule {
  severity: Severity;
  reason: string;
}

export interface FieldRule {
  mask: FieldMask;
  /** A list (addresses, users, recipients): each entry is its own field "<name>:<hash>"; removals are never alarms. */
  repeated?: boolean;
  /** Single value: it was shown before and now shows another. */
  changed?: ChangeRule;
  /** Single value first shown after the page was remembered (a phone number added); repeated: a new entry. */
  added?: ChangeRule;
  /** "on" before, "off" now (two-step verification). */
  turnedOff?: ChangeRule;
  /** A count that grew (passkeys). */
  increased?: ChangeRule;
  /** Which owner change (Amazon's change form, submitted in this tab) makes a change of this field known-good; default: the field itself. */
  owner?: OwnerChangeField;
  /** The value names the account the page belongs to (Login & Security's email): part of the page's identity. */
  identifies?: boolean;
}

/** What a page's reader returns: clear values, never stored as they are. */
export interface AccountReading {
  fields: AccountField[];
  orders: OrderSeen[];
}

/** Which setting a POST form submitted on the page changes. */
export interface OwnerForms {
  /** Any POST form on the page changes this one setting (2SV, deposit, recipients, users). */
  whole?: OwnerChangeField;
  /** A form holding one of these inputs changes that setting; the first match wins. */
  inputs?: readonly { field: OwnerChangeField; selector: string }[];
  /** A form holding this selector, or posting to this action, changes `field` (the address form). */
  form?: { field: OwnerChangeField; selector: string; action: RegExp };
}

export interface AccountPageDecl<K extends string = string> {
  kind: K;
  /** Path patterns ("/ap/cnep*") on retail and on Seller Central hosts; the content script's matches are built from them. */
  paths: { retail: readonly string[]; seller: readonly string[] };
  /** Where the owner checks the page ("Review on Amazon"). */
  review: string;
  /** The _locales key naming the page (popup's watched list). */
  label: string;
  /** The fields the page shows and what a change of each means. */
  fields: Partial<Record<AccountFieldName, FieldRule>>;
  /** The order history: its orders are compared instead of fields. */
  orders?: true;
  ownerForms?: OwnerForms;
  /** Pure reader: null when the page is not (yet) this page type. */
  read: (doc: Document) => AccountReading | null;
}

/** Declares one page type; `const` keeps its kind a literal, so the kinds union is derived from the table. */
export function defineAccountPage<const K extends string>(decl: AccountPageDecl<K>): AccountPageDecl<K> {
  return decl;
}

/** One difference between two visits. */
export interface Change {
  field: AccountFieldName;
  severity: Severity;
  reason: { key: string; subs: string[] };
}

interface Hinted {
  hash: string;
  hint: string;
}

/** A single field's change under its rule, or null when it is no alarm. */
export function singleChange(field: AccountFieldName, rule: FieldRule, before: Hinted | undefined, after: Hinted): Change | null {
  if (before && before.hash === after.hash) return null;
  const raise = (r: ChangeRule | undefined, subs: string[]): Change | null => (r ? { field, severity: r.severity, reason: { key: r.reason, subs } } : null);
  if (!before) return raise(rule.added, [after.hint]);
  if (rule.turnedOff) return before.hint === 'on' && after.hint === 'off' ? raise(rule.turnedOff, []) : null;
  if (rule.increased) return Number(after.hint) > Number(before.hint) ? raise(rule.increased, [after.hint]) : null;
  return raise(rule.changed, [after.hint]);
}

/** The owner change that accepts a change of this field. */
export function ownerFieldOf(field: AccountFieldName, rule: FieldRule | undefined): OwnerChangeField {
  return rule?.owner ?? field;
}
