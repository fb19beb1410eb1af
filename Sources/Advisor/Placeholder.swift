// Advisor
