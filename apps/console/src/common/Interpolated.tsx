import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

const MARK = '\u0000';

/**
 * A translated sentence with one element (an id in monospace, a link) set where the
 * translation puts `%{slot}`, so translators can move it within the sentence.
 */
export const Interpolated = ({
  message,
  slot,
  options,
}: {
  message: string;
  slot: ReactNode;
  options?: Record<string, unknown>;
}) => {
  const translate = useTranslate();
  const [before, after = ''] = translate(message, { ...options, slot: MARK }).split(MARK);
  return (
    <>
      {before}
      {slot}
      {after}
    </>
  );
};
