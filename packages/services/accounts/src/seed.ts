import { createRandom, userIds } from '@bff/service-kit';

/** A user as the accounts service returns it. */
export interface User {
  /** '1'..'300'. */
  id: string;
  /** Unique: lowercased `first.last` plus the id, e.g. `ada.lovelace1`. */
  username: string;
  /** Display name, e.g. `Ada Lovelace`. */
  name: string;
  /** `${username}@example.com`. */
  email: string;
}

/** The seed the service uses unless told otherwise. */
export const defaultAccountsSeed = 0xacc0;

const firstNames = [
  'Ada',
  'Alan',
  'Amara',
  'Ben',
  'Carla',
  'Chen',
  'Dara',
  'David',
  'Elena',
  'Emeka',
  'Farah',
  'Grace',
  'Hana',
  'Ivan',
  'Jonas',
  'Julia',
  'Kenji',
  'Lena',
  'Liam',
  'Maya',
  'Mateo',
  'Nadia',
  'Noah',
  'Olga',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Sofia',
  'Tariq',
  'Uma',
  'Victor',
  'Wei',
  'Yara',
  'Zoe',
] as const;

const lastNames = [
  'Adams',
  'Baker',
  'Costa',
  'Diaz',
  'Evans',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Khan',
  'Kowalski',
  'Lopez',
  'Lovelace',
  'Moreau',
  'Nakamura',
  'Novak',
  'Okafor',
  'Patel',
  'Quispe',
  'Rossi',
  'Schmidt',
  'Silva',
  'Tanaka',
  'Turner',
  'Umarov',
  'Varga',
  'Wagner',
  'Xu',
  'Yilmaz',
  'Zhang',
] as const;

/** All 300 users, ids '1'..'300' in order; a pure function of the seed. */
export function seedUsers(seed: number = defaultAccountsSeed): User[] {
  const random = createRandom(seed);
  return userIds().map((id) => {
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const username = `${first}.${last}${id}`.toLowerCase();
    return { id, username, name: `${first} ${last}`, email: `${username}@example.com` };
  });
}
