import { describe, expect, it } from 'vitest';
import { languageOptions } from '../forms/options';
import { translator } from '../i18n/i18n';
import { templateObjects } from '../lobby/templates';
import {
  acceptedUsernames, canOpenRoom, caseBody, caseWithCountry, defaultStart, emptyCaseForm, instantFromLocal, invitationBody,
  localInputValue, myInvitation, outcomeBody,
} from './caseForm';
import { CASE_NOTE_MAX, caseNoteText, plainText } from './caseNote';
import type { CommunityReference, CounsellingCase, Profile } from './communityApi';
import {
  caseUrl, communityRoute, counsellingRoomUrl, directoryQuery, directoryUrl, emptyDirectorySearch, inSection, isCommunityPath,
  parseDirectorySearch,
} from './communityRoute';
import { liveNotification, newestFirst, notificationHref, notificationKindKey, notificationSentence, withNotification } from './notifications';
import { emptyProfileForm, formFromProfile, joinTags, profileBody, profileProblem, profileWithCountry, splitTags } from './profileForm';
import { languageInSentence, reasonText, sectorLabel } from './reasons';

const reference: CommunityReference = {
  eqf: [],
  nace: {
    sections: [{ code: 'C', names: { en: 'Manufacturing', it: 'Attività manifatturiere', de: 'Verarbeitendes Gewerbe' } }],
    divisions: [{ code: '16', section: 'C', names: { en: 'Manufacture of wood', it: 'Industria del legno', de: 'Herstellung von Holzwaren' } }],
  },
  countries: [{ code: 'IT', names: { en: 'Italy', it: 'Italia', de: 'Italien' } }, { code: 'AT', names: { en: 'Austria' } }],
  regions: [{ code: 'ITH3', country: 'IT', level: 2, name: 'Veneto' }, { code: 'AT13', country: 'AT', level: 2, name: 'Wien' }],
  licences: [],
  organisationTypes: [],
  languages: [{ code: 'sv', name: 'svenska' }, { code: 'it', name: 'italiano' }, { code: 'en', name: 'English' }],
};
const regionCountry = (code: string) => reference.regions.find((r) => r.code === code)?.country;

describe('reasons in words', () => {
  const en = translator('en');
  it('names each kind as the author reads it', () => {
    // The server's kinds (community PeerMatching): the case's own division, else its NACE section.
    expect(reasonText({ kind: 'sectorDivision', value: 'C16' }, en, 'en', reference)).toBe('Works in the same sector: Manufacture of wood (C16)');
    expect(reasonText({ kind: 'sector', value: 'C' }, en, 'en', reference)).toBe('Works in the same broad sector: Manufacturing (C)');
    expect(reasonText({ kind: 'region', value: 'ITH3' }, en, 'en', reference)).toBe('Same region: Veneto');
    expect(reasonText({ kind: 'country', value: 'IT' }, en, 'en', reference)).toBe('Same country: Italy');
    expect(reasonText({ kind: 'expertise', value: 'apprenticeship' }, en, 'en', reference)).toBe('Expertise: apprenticeship');
    expect(reasonText({ kind: 'language', value: 'it' }, en, 'en', reference)).toBe('Speaks Italian');
    expect(reasonText({ kind: 'practices', value: 'C16', count: 2 }, en, 'en', reference)).toBe('Published 2 practices in this sector');
    expect(reasonText({ kind: 'practices', value: 'C16', count: 1 }, en, 'en', reference)).toBe('Published 1 practice in this sector');
    expect(reasonText({ kind: 'practices', value: 'C16' }, en, 'en', reference)).toBe('Published practices in this sector');
  });

  it('speaks the viewer’s language, a language inside a sentence as that language writes it', () => {
    expect(reasonText({ kind: 'language', value: 'de' }, translator('it'), 'it', reference)).toBe('Parla tedesco');
    expect(reasonText({ kind: 'language', value: 'it' }, translator('de'), 'de', reference)).toBe('Spricht Italienisch');
    expect(reasonText({ kind: 'sectorDivision', value: 'C16' }, translator('de'), 'de', reference)).toBe('Arbeitet in derselben Branche: Herstellung von Holzwaren (C16)');
    expect(reasonText({ kind: 'country', value: 'IT' }, translator('it'), 'it', reference)).toBe('Stesso paese: Italia');
  });

  it('falls back to codes, and says an unknown kind as it came', () => {
    expect(reasonText({ kind: 'region', value: 'FR10' }, en, 'en', null)).toBe('Same region: FR10');
    expect(sectorLabel(null, 'C16', 'en')).toBe('C16');
    expect(reasonText({ kind: 'mentor', value: 'yes' }, en, 'en', reference)).toBe('mentor: yes');
    expect(languageInSentence('not a code!', 'en')).toBe('not a code!');
  });
});

describe('the profile form', () => {
  const profile: Profile = {
    id: 'u1', username: 'alice', displayName: 'Alice', organisation: 'Falegnameria Rossi', updatedAt: '2026-12-01T10:00:00Z', demo: false,
    headline: 'Training manager', bio: 'Twenty years\nin joinery', expertise: ['apprenticeship', 'mentoring'], sectors: ['C16', 'F'],
    languages: ['it', 'en'], country: 'IT', region: 'ITH3', listed: true, availableForCounselling: true,
    emailInvitations: false, emailDigest: true,
    visibility: { organisation: 'MEMBERS', headline: 'MEMBERS', bio: 'HIDDEN', expertise: 'MEMBERS', sectors: 'MEMBERS', languages: 'MEMBERS', place: 'HIDDEN' },
  };

  it('reads expertise as comma-separated tags', () => {
    expect(splitTags(' apprenticeship, , Mentoring,mentoring ,  digital   skills ')).toEqual(['apprenticeship', 'Mentoring', 'digital skills']);
    expect(splitTags('')).toEqual([]);
    expect(joinTags(['a', 'b'])).toBe('a, b');
  });

  it('goes from a profile to the form and back without change', () => {
    const { id, username, displayName, organisation, updatedAt, demo, ...input } = profile;
    expect(profileBody(formFromProfile(profile))).toEqual(input);
  });

  it('sends no place as null, drops a region without its country, and shows every part to members by default', () => {
    const body = profileBody({ ...emptyProfileForm(), headline: '  Mentor ', region: 'ITH3' });
    expect(body).toMatchObject({ headline: 'Mentor', country: null, region: null, expertise: [], listed: false });
    expect(Object.values(body.visibility)).toEqual(Array(7).fill('MEMBERS'));
    expect(formFromProfile({ ...profile, visibility: { bio: 'HIDDEN' } as Profile['visibility'] }).visibility.place).toBe('MEMBERS');
  });

  it('keeps both e-mails on until turned off, and sends what the form says', () => {
    expect(emptyProfileForm()).toMatchObject({ emailInvitations: true, emailDigest: true });
    const older = { ...profile } as Partial<Profile>;
    delete older.emailInvitations;
    delete older.emailDigest;
    expect(formFromProfile(older as Profile)).toMatchObject({ emailInvitations: true, emailDigest: true });
    expect(formFromProfile(profile)).toMatchObject({ emailInvitations: false, emailDigest: true });
    expect(profileBody({ ...formFromProfile(profile), emailDigest: false })).toMatchObject({ emailInvitations: false, emailDigest: false });
  });

  it('says what the server would refuse before sending it', () => {
    const many = Array.from({ length: 21 }, (_, i) => `topic ${i}`).join(',');
    expect(profileProblem(profileBody({ ...emptyProfileForm(), expertise: many }))?.key).toBe('profile.tooManyTags');
    expect(profileProblem(profileBody({ ...emptyProfileForm(), expertise: 'x'.repeat(61) }))?.key).toBe('profile.tagTooLong');
    expect(profileProblem(profileBody({ ...emptyProfileForm(), sectors: Array.from({ length: 11 }, (_, i) => `C${10 + i}`) }))?.key).toBe('profile.tooManySectors');
    expect(profileProblem(profileBody(formFromProfile(profile)))).toBeNull();
  });

  it('clears the region when the country changes to one it is not in', () => {
    const form = { ...emptyProfileForm(), country: 'IT', region: 'ITH3' };
    expect(profileWithCountry(form, 'AT', regionCountry).region).toBe('');
    expect(profileWithCountry(form, 'IT', regionCountry).region).toBe('ITH3');
  });

  it('offers the server’s languages, the app’s and partners’ first', () => {
    expect(languageOptions(reference, 'en').map((o) => o.value)).toEqual(['en', 'it', 'sv']);
    expect(languageOptions(null, 'en').length).toBeGreaterThan(20);
  });
});

describe('the case form', () => {
  it('prefills from the profile and sends topics as a list', () => {
    const form = emptyCaseForm('it', { sectors: ['C16'], country: 'IT', region: 'ITH3' });
    expect(form).toMatchObject({ sector: 'C16', country: 'IT', region: 'ITH3', language: 'it' });
    expect(emptyCaseForm('en', { region: 'ITH3' }).region).toBe('');
    const body = caseBody({ ...form, title: ' Apprentices leave ', challenge: 'Line one\nLine two\n', topics: 'retention, mentoring,' });
    expect(body).toEqual({
      title: 'Apprentices leave', challenge: 'Line one\nLine two', sector: 'C16', country: 'IT', region: 'ITH3', topics: ['retention', 'mentoring'],
      language: 'it', organisationType: null,
    });
    expect(caseBody({ ...form, organisationType: 'SME_ASSOCIATION' }).organisationType).toBe('SME_ASSOCIATION');
    expect(caseBody({ ...form, region: '' }).region).toBeNull();
    expect(caseWithCountry(form, 'AT', regionCountry).region).toBe('');
  });

  it('turns the datetime-local value into an instant and back, in the browser’s time zone', () => {
    const local = new Date(2026, 11, 10, 14, 30);
    expect(localInputValue(local)).toBe('2026-12-10T14:30');
    expect(instantFromLocal('2026-12-10T14:30')).toBe(local.toISOString());
    expect(instantFromLocal('')).toBeNull();
    expect(instantFromLocal('tomorrow')).toBeNull();
    expect(defaultStart(new Date(2026, 11, 31, 18, 0))).toBe('2027-01-01T10:00');
  });

  it('builds the invitation, or says what is missing', () => {
    const now = new Date(2026, 11, 1, 9, 0);
    const form = { peers: ['u2', 'u3', 'u2'], start: '2026-12-10T14:30', minutes: '90', message: '  ' };
    const ok = invitationBody(form, now);
    expect(ok).toEqual({ body: { peers: ['u2', 'u3'], start: new Date(2026, 11, 10, 14, 30).toISOString(), minutes: 90 } });
    expect(invitationBody({ ...form, message: ' See you ' }, now)).toMatchObject({ body: { message: 'See you' } });
    expect(invitationBody({ ...form, peers: [] }, now)).toEqual({ problem: 'counselling.choosePeers' });
    expect(invitationBody({ ...form, start: '' }, now)).toEqual({ problem: 'counselling.chooseStart' });
    expect(invitationBody({ ...form, start: '2026-11-30T10:00' }, now)).toEqual({ problem: 'counselling.startPast' });
    expect(invitationBody({ ...form, minutes: '20' }, now)).toEqual({ problem: 'counselling.minutesRange' });
    expect(invitationBody({ ...form, minutes: '241' }, now)).toEqual({ problem: 'counselling.minutesRange' });
    expect(invitationBody({ ...form, minutes: '240' }, now)).toHaveProperty('body');
  });

  it('lets the author open the room once someone accepted, and only once', () => {
    const c = {
      mine: true, roomId: null, status: 'MEETING_SET' as const,
      invitations: [
        { peer: { id: 'u2', name: 'Fabio', username: 'fabio' }, status: 'ACCEPTED' as const, answeredAt: '2026-12-02T10:00:00Z' },
        { peer: { id: 'u3', name: 'Paula', username: 'paula' }, status: 'DECLINED' as const, answeredAt: null },
        { peer: { id: 'u4', name: 'Ada', username: 'ada' }, status: 'PENDING' as const, answeredAt: null },
      ],
    } satisfies Partial<CounsellingCase>;
    expect(acceptedUsernames(c)).toEqual(['fabio']);
    expect(canOpenRoom(c)).toBe(true);
    expect(canOpenRoom({ ...c, roomId: 'r1' })).toBe(false);
    expect(canOpenRoom({ ...c, mine: false })).toBe(false);
    expect(canOpenRoom({ ...c, invitations: c.invitations.slice(1) })).toBe(false);
    expect(myInvitation(c, { id: 'u4', username: 'x' })?.status).toBe('PENDING');
    expect(myInvitation(c, { id: 'other', username: 'paula' })?.status).toBe('DECLINED');
    expect(myInvitation(c, { id: 'other', username: 'nobody' })).toBeNull();
    expect(outcomeBody({ advice: ' Pair them ', nextSteps: '\nTry it\n' })).toEqual({ advice: 'Pair them', nextSteps: 'Try it' });
  });
});

describe('addresses', () => {
  it('knows its pages and nothing else', () => {
    for (const p of ['/profile', '/people', '/people?q=x', '/counselling', '/counselling/c1', '/profile/', '/notifications']) expect(isCommunityPath(p), p).toBe(true);
    for (const p of ['/', '/peoplex', '/library', '/rooms/people', '/profiles', '/notificationsx']) expect(isCommunityPath(p), p).toBe(false);
  });

  it('tells the views apart', () => {
    expect(communityRoute('/profile')).toEqual({ view: 'profile' });
    expect(communityRoute('/notifications/')).toEqual({ view: 'notifications' });
    expect(communityRoute('/notifications/x')).toBeNull();
    expect(communityRoute('/counselling/')).toEqual({ view: 'counselling' });
    expect(communityRoute('/counselling/a%20b')).toEqual({ view: 'case', id: 'a b' });
    expect(communityRoute('/counselling/a/b')).toBeNull();
    expect(communityRoute('/people?sector=C16&q=wood')).toEqual({ view: 'people', search: { ...emptyDirectorySearch(), q: 'wood', sector: 'C16' } });
  });

  it('keeps the directory search in the address, in a stable order, empty parts left out', () => {
    const search = { q: ' wood ', sector: 'C16', country: 'IT', language: '', organisationType: '', expertise: 'mentoring' };
    expect(directoryUrl(search)).toBe('/people?q=wood&sector=C16&country=IT&expertise=mentoring');
    expect(parseDirectorySearch(directoryQuery(search))).toEqual({ ...search, q: 'wood' });
    expect(directoryUrl(emptyDirectorySearch())).toBe('/people');
  });

  it('spells the case, the room and the room’s first opening', () => {
    expect(caseUrl('c/1')).toBe('/counselling/c%2F1');
    expect(counsellingRoomUrl('r1', 'c1')).toBe('/rooms/r1?template=peerCounselling&case=c1');
    expect(inSection('/counselling/c1', '/counselling')).toBe(true);
    expect(inSection('/people?q=x', '/people')).toBe(true);
    expect(inSection('/peoplex', '/people')).toBe(false);
  });
});

describe('the case on the counselling board', () => {
  it('puts the title first and the challenge as plain text', () => {
    const text = caseNoteText(' Apprentices leave ', '## Why\nThey **leave** after [a year](https://x.eu).\n\n* `one`\n* two\n<script>x</script>');
    expect(text).toBe('Apprentices leave\n\nWhy\nThey leave after a year.\n\n- one\n- two\nx');
    expect(plainText('> quoted\n\n---\n\n_kept_ and *this*')).toBe('quoted\n\n_kept_ and this');
  });

  it('cuts a long case near 600 characters, at a word, with an ellipsis', () => {
    const text = caseNoteText('Title', 'word '.repeat(300));
    expect(text.length).toBeLessThanOrEqual(CASE_NOTE_MAX);
    expect(text.endsWith('word…')).toBe(true);
    expect(caseNoteText('T', 'x'.repeat(700)).length).toBeLessThanOrEqual(CASE_NOTE_MAX);
  });

  it('keeps the note inside the case frame, however the text runs', () => {
    const t = translator('en');
    const cases = [
      caseNoteText('A fairly long title about apprentices who leave after their first year', 'Some words of varying length here. '.repeat(40)),
      caseNoteText('Title', 'Line\n'.repeat(200)),
      caseNoteText('T', 'x'.repeat(700)),
    ];
    for (const text of cases) {
      expect(text.endsWith('…')).toBe(true);
      const note = templateObjects('peerCounselling', t, text)[3];
      expect((note.x ?? 0) + (note.w ?? 0)).toBeLessThanOrEqual(420);
      expect((note.y ?? 0) + (note.h ?? 0)).toBeLessThanOrEqual(420);
    }
  });

  it('replaces only the case frame’s starter note, and leaves every template as it was without a case', () => {
    const t = translator('en');
    const generic = templateObjects('peerCounselling', t);
    const seeded = templateObjects('peerCounselling', t, 'Apprentices leave\n\nThey leave after a year.');
    expect(seeded).toHaveLength(generic.length);
    expect(seeded[3]).toMatchObject({ type: 'note', x: 20, y: 70, text: 'Apprentices leave\n\nThey leave after a year.' });
    expect(seeded[3].tpl).toBeUndefined();
    expect(generic[3]).toMatchObject({ tpl: 'template.caseStarter' });
    expect(seeded.filter((_, i) => i !== 3)).toEqual(generic.filter((_, i) => i !== 3));
    expect(templateObjects('skillsGap', t, 'ignored')).toEqual(templateObjects('skillsGap', t));
    expect((seeded[3].y ?? 0) + (seeded[3].h ?? 0)).toBeLessThanOrEqual(420);
  });
});

describe('notifications', () => {
  const n = (id: string, at: string, kind = 'REPLY', link: string | null = '/counselling/c1') => ({ id, at, kind, text: `Text ${id}`, link });

  it('names each kind in the viewer’s language, an unknown one as a plain notification', () => {
    const it_ = translator('it');
    expect(translator('en')(notificationKindKey('INVITATION'))).toBe('Invitation');
    expect(translator('en')(notificationKindKey('JOIN_REQUEST'))).toBe('Request to join');
    expect(it_(notificationKindKey('ANSWER'))).toBe('Risposta all’invito');
    expect(translator('de')(notificationKindKey('REPLY'))).toBe('Antwort in Diskussion');
    expect(translator('de')(notificationKindKey('MENTION'))).toBe('Erwähnung');
    expect(notificationKindKey('FOLLOWED_COMMUNITY')).toBe('notifications.kind.other');
    expect(notificationKindKey('toString')).toBe('notifications.kind.other');
    expect(translator('de')(notificationKindKey('FOLLOWED_COMMUNITY'))).toBe('Benachrichtigung');
  });

  it('leads only to pages of this site', () => {
    expect(notificationHref('/counselling/c1')).toBe('/counselling/c1');
    expect(notificationHref(' /communities/joinery/threads/t1 ')).toBe('/communities/joinery/threads/t1');
    expect(notificationHref('/communities/joinery?tab=requests#x')).toBe('/communities/joinery?tab=requests#x');
    for (const bad of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'counselling/c1', '', null, undefined, '/a\tb', '/a b']) {
      expect(notificationHref(bad), String(bad)).toBeNull();
    }
  });

  it('puts the newest first, whatever order they came in', () => {
    const list = [n('a', '2026-12-01T10:00:00Z'), n('b', '2026-12-03T09:00:00Z'), n('c', 'not a time'), n('d', '2026-12-02T23:59:59+01:00')];
    expect(newestFirst(list).map((x) => x.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(list.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('notifications heard live', () => {
  it('are taken only when they are notifications, and join the list once, newest first', () => {
    expect(liveNotification({ id: 'n1' })).toBeNull();
    expect(liveNotification('n1')).toBeNull();
    const n = liveNotification({ id: 'n2', at: '2026-12-06T10:00:00Z', kind: 'REPLY', text: 'Bruno replied', link: '/communities/x' });
    expect(n).toEqual({ id: 'n2', at: '2026-12-06T10:00:00Z', kind: 'REPLY', text: 'Bruno replied', link: '/communities/x' });
    const older = { id: 'n1', at: '2026-12-05T10:00:00Z', kind: 'ANSWER', text: 'Fabio accepted', link: null };
    const list = withNotification([older], n!);
    expect(list.map((m) => m.id)).toEqual(['n2', 'n1']);
    expect(withNotification(list, n!).map((m) => m.id)).toEqual(['n2', 'n1']);
  });
});

describe('a notification said in the reader’s language', () => {
  const reply = { id: 'n3', at: '2026-12-07T10:00:00Z', kind: 'REPLY', text: 'Bruno replied to your discussion: Tutors',
    link: '/communities/x/threads/t', params: { who: 'Bruno', title: 'Tutors', discussion: 'yours' } };

  it('is made from what the server sent, in each language', () => {
    expect(notificationSentence(reply, translator('it'))).toEqual({ text: 'Bruno ha risposto alla tua discussione: Tutors', english: false });
    expect(notificationSentence(reply, translator('de')).text).toBe('Bruno hat auf Ihre Diskussion geantwortet: Tutors');
    const declined = { ...reply, kind: 'ANSWER', params: { who: 'Fabio', title: 'Mentors', answer: 'DECLINED' } };
    expect(notificationSentence(declined, translator('en')).text).toBe('Fabio declined your invitation to counsel on: Mentors');
  });

  it('falls back to the server’s English sentence when it cannot be said (older ones, unknown kinds, missing parts)', () => {
    expect(notificationSentence({ ...reply, params: undefined }, translator('it'))).toEqual({ text: reply.text, english: true });
    expect(notificationSentence({ ...reply, kind: 'SOMETHING_NEW' }, translator('it')).english).toBe(true);
    expect(notificationSentence({ ...reply, params: { who: 'Bruno', discussion: 'yours' } }, translator('de')).english).toBe(true);
    expect(notificationSentence({ ...reply, params: { ...reply.params, discussion: 'other' } }, translator('de')).english).toBe(true);
  });

  it('keeps only text parameters of a notification heard live', () => {
    const n = liveNotification({ ...reply, params: { who: 'Bruno', title: 'Tutors', discussion: 'yours', evil: { x: 1 } } });
    expect(n?.params).toEqual({ who: 'Bruno', title: 'Tutors', discussion: 'yours' });
  });
});
