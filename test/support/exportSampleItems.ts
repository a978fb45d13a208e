/**
 * A vault's worth of items for the export round trips: TOTP with SHA1, SHA256 and SHA512, 8 digits, a 60 s
 * period, HOTP with a counter, Steam, Unicode issuers and accounts, an item with two codes, an item without
 * an issuer, one without codes, a trashed one, tags, favourites, notes, custom fields and times.
 */
import { emptyItemContent, type Item, type ItemContent } from '../../src/shared/item.js';
import { type OtpParameters, formatOtpauthUri, parseOtpauthUri } from '../../src/main/otp/index.js';

export const CREATED = Date.UTC(2024, 0, 15, 9, 30);
export const UPDATED = Date.UTC(2025, 5, 1, 12, 0);
export const TRASHED = Date.UTC(2025, 6, 2, 8, 15);

export function account(
  type: OtpParameters['type'],
  issuer: string,
  name: string,
  secret: string,
  algorithm: OtpParameters['algorithm'] = 'SHA1',
  digits = type === 'steam' ? 5 : 6,
  periodOrCounter = type === 'hotp' ? 0 : 30,
): OtpParameters {
  const isHotp = type === 'hotp';
  return { type, secret, issuer, labelIssuer: issuer, account: name, algorithm, digits, period: isHotp ? 0 : periodOrCounter, counter: isHotp ? periodOrCounter : 0, extra: [] };
}

let fieldNumber = 0;
let itemNumber = 0;

function item(content: Partial<ItemContent> & { readonly title: string }, accounts: readonly OtpParameters[], extra: Partial<Item> = {}): Item {
  return {
    ...emptyItemContent(),
    ...content,
    otp: accounts.map((parameters, index) => ({ id: `field-${++fieldNumber}`, label: index === 0 ? 'TOTP' : `Code ${index + 1}`, uri: formatOtpauthUri(parameters) })),
    id: `item-${++itemNumber}`,
    createdAt: CREATED,
    updatedAt: UPDATED,
    trashedAt: null,
    ...extra,
  };
}

/** Secrets from the Aegis test vectors and RFC 6238, so codes can be checked against published values. */
export const SAMPLE_ITEMS: readonly Item[] = [
  item(
    {
      template: 'microsoft365',
      title: 'Topdesk',
      username: 'alice',
      email: 'alice@contoso.com',
      password: 'hunter2-is-not-a-password',
      websites: ['https://portal.office.com', 'https://topdesk.contoso.com'],
      phone: '+47 22 22 22 22',
      securityQuestion: 'First pet?',
      securityAnswer: 'Æsop the cat',
      notes: 'Line one\nLine two — with ünïcödé',
      customFields: [{ id: 'pin', label: 'PIN', value: '1234', sensitive: true }],
      tags: ['Work', 'Microsoft'],
      favorite: true,
    },
    [{ ...account('totp', 'Microsoft', 'alice@contoso.com', 'JBSWY3DPEHPK3PXP'), labelIssuer: 'Contoso' }],
  ),
  item({ title: 'SPDX', tags: ['Work'] }, [account('totp', 'SPDX', 'James', '5OM4WOOGPLQEF6UGN3CPEOOLWU', 'SHA256', 8, 60)]),
  item({ title: 'Airbnb', notes: 'Recovery codes in the safe' }, [account('totp', 'Airbnb', 'Elijah', '7ELGJSGXNCCTV3O6LKJWYFV2RA', 'SHA512', 8, 30)]),
  item({ title: 'Issuu' }, [account('hotp', 'Issuu', 'James', 'YOOMIXWS5GN6RTBPUFFWKTW5M4', 'SHA1', 6, 42)]),
  item({ title: 'Steam', tags: ['Games'] }, [account('steam', 'Steam', 'Sophia', 'JRZCL47CMXVOQMNPZR2F7J4RGI')]),
  item({ title: 'Ünïcödé 日本', tags: ['Privé'] }, [account('totp', 'Ünïcödé 日本', 'björk@example.is', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')]),
  item({ title: 'Two codes', favorite: true }, [
    account('totp', 'Work VPN', 'alice', 'MFRGGZDFMZTWQ2LK', 'SHA1', 6, 30),
    account('hotp', 'Work VPN', 'alice-backup', 'KUVJJOM753IHTNDSZVCNKL7GII', 'SHA256', 7, 50),
  ]),
  // A secret pasted into an item with no issuer: other apps name the account after the item.
  item({ title: 'Topdesk VPN' }, [account('totp', '', '', 'ONSWG4TFORZWK3DP')]),
  item({ title: 'Password only', password: 'only-a-password' }, []),
  item({ title: 'Old Bank', tags: ['Money'] }, [account('totp', 'Old Bank', 'me', 'NBSWY3DPO5XXE3DE')], { trashedAt: TRASHED, updatedAt: TRASHED }),
];

/** What an authenticator app should hold after an export: every account of every live item, issuer-less ones named after their item. */
export function expectedAccounts(items: readonly Item[] = SAMPLE_ITEMS): { parameters: OtpParameters; item: Item }[] {
  return items
    .filter((candidate) => candidate.trashedAt === null)
    .flatMap((candidate) =>
      candidate.otp.map((field) => {
        const parameters = parseOtpauthUri(field.uri);
        return { item: candidate, parameters: parameters.issuer === '' ? { ...parameters, issuer: candidate.title } : parameters };
      }),
    );
}

/** Every secret of the sample, to check nothing prints one. */
export const SAMPLE_SECRETS: readonly string[] = SAMPLE_ITEMS.flatMap((candidate) => candidate.otp.map((field) => parseOtpauthUri(field.uri).secret));
