import Chapter1
