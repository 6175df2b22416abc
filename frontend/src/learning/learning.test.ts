import { describe, expect, it } from 'vitest';
import { credentialContent, lines } from './credentialText';
import { isLearningPath, isVerifyPath, learningRoute } from './learningRoute';

describe('learning routes', () => {
  it('names each page by its address, and no page for any other', () => {
    expect(learningRoute('/learning')).toEqual({ view: 'home' });
    expect(learningRoute('/learning/')).toEqual({ view: 'home' });
    expect(learningRoute('/learning/programmes/5b1c?x=1')).toEqual({ view: 'programme', id: '5b1c' });
    expect(learningRoute('/learning/editions/a%20b')).toEqual({ view: 'edition', id: 'a b' });
    expect(learningRoute('/verify')).toEqual({ view: 'verify' });
    expect(learningRoute('/learning/programmes/5b1c/x')).toBeNull();
    expect(learningRoute('/learning/other')).toBeNull();
  });

  it('tells the public verification page from the signed-in ones', () => {
    expect(isVerifyPath('/verify')).toBe(true);
    expect(isVerifyPath('/verify?x')).toBe(true);
    expect(isVerifyPath('/verifying')).toBe(false);
    expect(isLearningPath('/learning/editions/1')).toBe(true);
    expect(isLearningPath('/learnings')).toBe(false);
  });
});

describe('credential text', () => {
  const encode = (value: unknown) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  it('reads the content of a compact JWS, accents included, without trusting it', () => {
    const jws = `${encode({ alg: 'ES256' })}.${encode({ name: 'Facilitazione (è)', validFrom: '2027-01-01T00:00:00Z' })}.c2ln`;
    expect(credentialContent(jws)).toEqual({ name: 'Facilitazione (è)', validFrom: '2027-01-01T00:00:00Z' });
  });

  it('gives nothing for what is not one', () => {
    expect(credentialContent('nonsense')).toBeNull();
    expect(credentialContent('a.%%%.b')).toBeNull();
    expect(credentialContent(`x.${encode(3)}.y`)).toBeNull();
  });

  it('splits lines, dropping blank ones', () => {
    expect(lines(' a \n\n b\n ')).toEqual(['a', 'b']);
  });
});
