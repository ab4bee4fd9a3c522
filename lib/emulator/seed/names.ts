/** Word lists for plausible demo users and event titles. */
export const firstNames = [
  "Aarav", "Abigail", "Adele", "Aiko", "Alejandro", "Amara", "Amelia", "Ana", "Andrei", "Anika", "Arjun", "Astrid",
  "Ayesha", "Beatriz", "Benjamin", "Bilal", "Camille", "Carlos", "Chen", "Chiara", "Chloe", "Daniel", "Daria", "David",
  "Diego", "Dmitri", "Elena", "Elif", "Emeka", "Emily", "Emma", "Erik", "Fatima", "Felix", "Freya", "Gabriel", "Grace",
  "Hana", "Hannah", "Hiroshi", "Ibrahim", "Ingrid", "Isabel", "Ivan", "Jae-won", "James", "Javier", "Ji-woo", "Jonas",
  "Julia", "Kai", "Kamala", "Kenji", "Kofi", "Lars", "Layla", "Leila", "Leon", "Liam", "Lucas", "Lucia", "Maja", "Malik",
  "Marco", "Maria", "Mateo", "Mei", "Mia", "Min-jun", "Mohammed", "Nadia", "Naomi", "Nikolai", "Noah", "Nora", "Olivia",
  "Omar", "Oscar", "Priya", "Rafael", "Ravi", "Rosa", "Sakura", "Samuel", "Santiago", "Sara", "Seo-yeon", "Sofia",
  "Sven", "Tariq", "Thandiwe", "Theo", "Valentina", "Wei", "Yara", "Yusuf", "Zainab", "Zoe",
] as const;

export const lastNames = [
  "Adeyemi", "Almeida", "Andersen", "Bauer", "Becker", "Bianchi", "Chen", "Choi", "Costa", "Dubois", "Eriksson",
  "Fernandes", "Fischer", "Garcia", "Gonzalez", "Gupta", "Haddad", "Hansen", "Hernandez", "Hoffmann", "Ivanova",
  "Jansen", "Johnson", "Kang", "Kato", "Khan", "Kim", "Kowalski", "Kumar", "Larsen", "Lee", "Lopez", "Martin",
  "Martinez", "Mensah", "Meyer", "Moreau", "Murphy", "Nakamura", "Nguyen", "Novak", "Okafor", "Olsen", "Park",
  "Patel", "Pereira", "Petrov", "Popescu", "Rahman", "Ricci", "Rodriguez", "Rossi", "Sato", "Schmidt", "Silva",
  "Singh", "Smith", "Suzuki", "Tanaka", "Torres", "Wagner", "Walker", "Wang", "Weber", "Williams", "Yamamoto",
  "Yilmaz", "Zhang",
] as const;

export const titleStarts = [
  "Spring launch", "Product AMA", "Weekly drop", "Morning yoga", "Chef's table", "Indie music night", "Study with me",
  "Founders fireside", "Sneaker unboxing", "Live coding", "Book club", "Q&A with the team", "Flash sale", "Tech talk",
  "Guitar lessons", "Esports finals", "Travel diaries", "Beauty masterclass", "Open studio", "Community town hall",
] as const;

export const titleEnds = [
  "", " #2", " — part 1", " — part 2", " (EU)", " (APAC)", " (US)", " special", " rerun", " live", " backstage",
] as const;

export const teams = ["creators", "support", "sales", "community", "partners", "staff"] as const;
export const plans = ["free", "plus", "pro", "enterprise"] as const;
export const regions = ["eu", "us", "apac", "latam"] as const;
export const languages = ["en", "ko", "ja", "de", "es", "fr", "pt"] as const;
