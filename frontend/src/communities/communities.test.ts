import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n';
import { communityFeedPath, communityPublicPath, type CommunityCard, type JoinRequest } from './communitiesApi';
import {
  canCreateCommunity, communityBody, communityPowers, communityProblem, defaultThreadLanguage, emptyCommunityForm, flagBody, hideReplyBody,
  hideThreadBody, isMember, joinMessage, lockBody, orderSessions, replyText, requestUsername, sessionBody, splitCommunities, threadBody,
  threadProblem,
} from './communitiesForm';
import { communitiesRoute, communityUrl, isCommunitiesPath, roomIdFromInput, threadUrl } from './communitiesRoute';
import { replyCountText } from './Discussion';

describe('communities’ addresses', () => {
  it('tells its pages from the members’ ones and others', () => {
    expect(isCommunitiesPath('/communities')).toBe(true);
    expect(isCommunitiesPath('/communities/')).toBe(true);
    expect(isCommunitiesPath('/communities?x=1')).toBe(true);
    expect(isCommunitiesPath('/communities/joinery-network/threads/t1')).toBe(true);
    expect(isCommunitiesPath('/community')).toBe(false);
    expect(isCommunitiesPath('/communitiesx')).toBe(false);
    expect(isCommunitiesPath('/counselling')).toBe(false);
  });

  it('reads the list, a home with its language filter, and a discussion', () => {
    expect(communitiesRoute('/communities')).toEqual({ view: 'list' });
    expect(communitiesRoute('/communities/')).toEqual({ view: 'list' });
    expect(communitiesRoute('/communities/joinery-network')).toEqual({ view: 'home', slug: 'joinery-network', language: '' });
    expect(communitiesRoute('/communities/joinery-network/?language=it#top')).toEqual({ view: 'home', slug: 'joinery-network', language: 'it' });
    expect(communitiesRoute('/communities/rete%20legno')).toEqual({ view: 'home', slug: 'rete legno', language: '' });
    expect(communitiesRoute('/communities/joinery-network/threads/abc-1')).toEqual({ view: 'thread', slug: 'joinery-network', id: 'abc-1' });
  });

  it('has no page for other addresses under it, or broken escapes', () => {
    expect(communitiesRoute('/communities/a/threads')).toBeNull();
    expect(communitiesRoute('/communities/a/threads/t1/edit')).toBeNull();
    expect(communitiesRoute('/communities/a/members')).toBeNull();
    expect(communitiesRoute('/communities/%E0%A4%A')).toBeNull();
  });

  it('writes what it reads', () => {
    expect(communityUrl('joinery-network')).toBe('/communities/joinery-network');
    expect(communityUrl('joinery-network', 'de')).toBe('/communities/joinery-network?language=de');
    expect(communitiesRoute(communityUrl('rete legno', 'it'))).toEqual({ view: 'home', slug: 'rete legno', language: 'it' });
    expect(threadUrl('a b', 'x/y')).toBe('/communities/a%20b/threads/x%2Fy');
    expect(communitiesRoute(threadUrl('a b', 'x/y'))).toEqual({ view: 'thread', slug: 'a b', id: 'x/y' });
    expect(communityPublicPath('joinery-network')).toBe('/c/joinery-network');
    expect(communityFeedPath('joinery-network')).toBe('/feeds/communities/joinery-network.atom');
  });

  it('takes a room link or a bare id for a session, as the server’s room id rule allows', () => {
    expect(roomIdFromInput('https://vetnet.example/rooms/r-123_a?template=x')).toBe('r-123_a');
    expect(roomIdFromInput('/rooms/abc#board')).toBe('abc');
    expect(roomIdFromInput('  abc-123 ')).toBe('abc-123');
    expect(roomIdFromInput('')).toBeNull();
    expect(roomIdFromInput('two words')).toBeNull();
    expect(roomIdFromInput('https://vetnet.example/library')).toBeNull();
    expect(roomIdFromInput('a.b')).toBeNull();
    expect(roomIdFromInput('x'.repeat(65))).toBeNull();
  });
});

describe('who may do what', () => {
  it('lets facilitators, policymakers and admins start a community', () => {
    expect(canCreateCommunity(['facilitator'])).toBe(true);
    expect(canCreateCommunity(['participant', 'policymaker'])).toBe(true);
    expect(canCreateCommunity(['ADMIN'])).toBe(true);
    expect(canCreateCommunity(['participant'])).toBe(false);
    expect(canCreateCommunity(undefined)).toBe(false);
  });

  it('counts a pending request as no membership, and an admin as member and moderator', () => {
    expect(isMember('MEMBER')).toBe(true);
    expect(isMember('MODERATOR')).toBe(true);
    expect(isMember('REQUESTED')).toBe(false);
    expect(isMember(null)).toBe(false);
    expect(communityPowers('MEMBER', ['participant'])).toEqual({ member: true, moderator: false });
    expect(communityPowers('MODERATOR', ['facilitator'])).toEqual({ member: true, moderator: true });
    expect(communityPowers('REQUESTED', ['participant'])).toEqual({ member: false, moderator: false });
    expect(communityPowers(null, ['admin'])).toEqual({ member: true, moderator: true });
    expect(communityPowers(null, undefined)).toEqual({ member: false, moderator: false });
  });

  it('lists the reader’s communities first, each part in the server’s order', () => {
    const card = (slug: string, myRole: CommunityCard['myRole']): CommunityCard => ({
      id: slug, slug, name: slug, summary: '', languages: [], sectors: [], joining: 'OPEN', memberCount: 1, myRole, demo: false,
    });
    const { mine, others } = splitCommunities([card('a', null), card('b', 'MEMBER'), card('c', undefined), card('d', 'REQUESTED'), card('e', 'MODERATOR')]);
    expect(mine.map((c) => c.slug)).toEqual(['b', 'd', 'e']);
    expect(others.map((c) => c.slug)).toEqual(['a', 'c']);
  });
});

describe('forms and bodies', () => {
  it('starts a community in the creator’s language, open, and sends it tidied', () => {
    const form = emptyCommunityForm('it');
    expect(form).toEqual({ name: '', description: '', languages: ['it'], sectors: [], joining: 'OPEN' });
    expect(communityProblem(form)).toBe('communities.problem.name');
    expect(communityProblem({ ...form, name: '  Rete  legno ' })).toBe('communities.problem.description');
    const filled = { name: '  Rete   legno ', description: '\n**Falegnami** del Veneto\n', languages: ['it', 'de', 'it', ''], sectors: ['C16', 'C16'], joining: 'REQUEST' as const };
    expect(communityProblem(filled)).toBeNull();
    expect(communityBody(filled)).toEqual({
      name: 'Rete legno', description: '**Falegnami** del Veneto', languages: ['it', 'de'], sectors: ['C16'], joining: 'REQUEST',
    });
    const many = Array.from({ length: 11 }, (_, i) => `l${i}`);
    expect(communityProblem({ ...filled, languages: many })).toBe('communities.problem.tooMany');
  });

  it('starts a discussion in the filter’s language, else the reader’s where the community speaks it', () => {
    expect(defaultThreadLanguage(['it', 'de'], 'en', 'de')).toBe('de');
    expect(defaultThreadLanguage(['it', 'de'], 'de')).toBe('de');
    expect(defaultThreadLanguage(['it', 'de'], 'en')).toBe('it');
    expect(defaultThreadLanguage([], 'en')).toBe('en');
  });

  it('says what a new discussion misses, and sends it trimmed', () => {
    expect(threadProblem({ title: ' ', body: 'x', language: 'it' })).toBe('discussion.problem.title');
    expect(threadProblem({ title: 'Apprendisti', body: '  ', language: 'it' })).toBe('discussion.problem.body');
    expect(threadProblem({ title: 'Apprendisti', body: 'Come?', language: '' })).toBe('discussion.problem.language');
    expect(threadProblem({ title: 'Apprendisti', body: 'Come?', language: 'it' })).toBeNull();
    expect(threadBody({ title: '  Apprendisti \n in  bottega ', body: '\nCome li **formate**?\n', language: 'it' }))
      .toEqual({ title: 'Apprendisti in bottega', body: 'Come li **formate**?', language: 'it' });
  });

  it('sends a reply, a join message and a report only with words in them', () => {
    expect(replyText('  Grazie!\n')).toBe('Grazie!');
    expect(replyText(' \n ')).toBeNull();
    expect(joinMessage('  Lavoro in una falegnameria ')).toBe('Lavoro in una falegnameria');
    expect(joinMessage('   ')).toBeUndefined();
    expect(flagBody('  spam ')).toEqual({ reason: 'spam' });
    expect(flagBody('off topic', 'r-1')).toEqual({ replyId: 'r-1', reason: 'off topic' });
    expect(flagBody('  ', 'r-1')).toBeNull();
  });

  it('changes one thing per moderation', () => {
    expect(lockBody(true)).toEqual({ locked: true });
    expect(hideThreadBody(false)).toEqual({ hidden: false });
    expect(hideReplyBody('r-2', true)).toEqual({ replyId: 'r-2', replyHidden: true });
  });

  it('links a session from a link or id, a title and a local time read in this time zone', () => {
    const ok = sessionBody({ roomId: 'https://x/rooms/r1', title: '  Monthly   call ', start: '2027-01-15T14:00' });
    expect(ok).toEqual({ body: { roomId: 'r1', title: 'Monthly call', start: new Date(2027, 0, 15, 14, 0).toISOString() } });
    expect(sessionBody({ roomId: 'no room', title: 'x', start: '2027-01-15T14:00' })).toEqual({ problem: 'communities.problem.room' });
    expect(sessionBody({ roomId: 'r1', title: ' ', start: '2027-01-15T14:00' })).toEqual({ problem: 'communities.problem.sessionTitle' });
    expect(sessionBody({ roomId: 'r1', title: 'x', start: '' })).toEqual({ problem: 'communities.problem.start' });
  });

  it('orders sessions soonest first and past ones latest first', () => {
    const s = (start: string) => ({ roomId: start, title: start, start });
    const { upcoming, past } = orderSessions([s('2027-03-01T10:00:00Z'), s('2027-02-01T10:00:00Z')], [s('2026-01-01T10:00:00Z'), s('2026-06-01T10:00:00Z')]);
    expect(upcoming.map((x) => x.start)).toEqual(['2027-02-01T10:00:00Z', '2027-03-01T10:00:00Z']);
    expect(past.map((x) => x.start)).toEqual(['2026-06-01T10:00:00Z', '2026-01-01T10:00:00Z']);
  });

  it('finds the username of a request beside the person (the server) or in it', () => {
    const at = '2027-01-01T00:00:00Z';
    expect(requestUsername({ person: { id: 'u1', name: 'Alice' }, username: 'alice', message: null, at } as JoinRequest)).toBe('alice');
    expect(requestUsername({ person: { id: 'u1', name: 'Alice', username: 'alice' }, message: 'hi', at })).toBe('alice');
    expect(requestUsername({ person: { id: 'u1', name: 'Alice' }, message: null, at })).toBe('');
  });
});

describe('discussion words', () => {
  it('counts replies in each language', () => {
    expect(replyCountText(0, translator('en'))).toBe('No replies yet');
    expect(replyCountText(1, translator('it'))).toBe('1 risposta');
    expect(replyCountText(3, translator('de'))).toBe('3 Antworten');
  });
});
