import { AppException } from '../errors/app-exception';
import { ParseIdPipe } from './parse-id.pipe';

describe('ParseIdPipe', () => {
  const pipe = new ParseIdPipe();

  it('passes a uuid through, lower-cased', () => {
    expect(pipe.transform('9FDFFE07-412A-4CEC-A6F4-3025AFA9341E')).toBe(
      '9fdffe07-412a-4cec-a6f4-3025afa9341e',
    );
  });

  it.each([
    '1',
    'abc',
    "9fdffe07-412a-4cec-a6f4-3025afa9341e' OR 1=1",
    '9fdffe07412a4ceca6f43025afa9341e',
    '',
  ])('refuses %p with 400 INVALID_ID', (value) => {
    expect(() => pipe.transform(value)).toThrow(AppException);
    try {
      pipe.transform(value);
    } catch (error) {
      expect((error as AppException).status).toBe(400);
      expect((error as AppException).code).toBe('INVALID_ID');
    }
  });
});
