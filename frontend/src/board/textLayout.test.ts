import { describe, expect, it } from 'vitest';
import { wrap } from './textLayout';
import cases from './wrap-cases.json';

describe('wrap', () => {
  // The room server's renders (rooms render/TextWrap.java) are tested against the same cases.
  it.each(cases.cases)('wraps %# as the board draws it', ({ text, width, size, lines }) => {
    expect(wrap(text, width, size)).toEqual(lines);
  });
});
