import type { ClassificationReview, ReportGroup } from '../../shared/categories.ts';

/**
 * Where each of Pluggy's 130 categories (`GET /categories`) lands in a self-employed
 * professional's books by default, as a Brazilian accountant would file it, with the
 * reason. One line per Pluggy id; the README explains the rules (section "Classificação").
 *
 * - Income (01) is receita. Taxes and government fees (15, IPTU, IPVA) are impostos.
 * - Money that only moves between the user's own pockets is a transfer: same-person
 *   transfers (04), card-bill payments, loans' and financings' principal (02: borrowing is
 *   not income, repaying it is not an expense); interest, late fees and overdraft costs are
 *   expenses. Investments and their proceeds (03) are investimento.
 * - Everything else is an expense, personal (not deductible) unless the user says
 *   otherwise: the livro-caixa only takes the expenses necessary to earn the income and
 *   keep its source (custeio: a home office's internet, phone, electricity, office
 *   supplies, software and services), per the Receita's Carnê-Leão rules, and a deduction
 *   taken wrongly costs more than one missed. Those usual home-office expenses are marked
 *   'probably_deductible': they stay personal until the user confirms them.
 * - 'ambiguous' marks a default Balancete cannot be sure of (a transfer that may be to
 *   the user's own account or a payment to someone else; "Outros"): the review screen
 *   asks about them too.
 */
type Line = readonly [id: string, group: ReportGroup, review: ClassificationReview | null, reason: string];

const lines: readonly Line[] = [
  ['01000000', 'income', null, 'Money earned, whatever its source'],
  ['01010000', 'income', null, 'Salary received'],
  ['01020000', 'income', null, 'Retirement benefits received'],
  ['01030000', 'income', null, "The freelancer's own work: fees from clients"],
  ['01040000', 'income', null, 'Government aid received'],
  ['01050000', 'income', null, 'One-off income'],
  ['02000000', 'transfer', null, 'Loans and financing: the principal is borrowed money, not income or expense'],
  ['02010000', 'nondeductible_expense', null, 'Late payment and overdraft costs are a cost of money'],
  ['02020000', 'nondeductible_expense', null, 'Interest charged is a cost of money'],
  ['02030000', 'transfer', null, "A financing's principal, paid back or received"],
  ['02030001', 'transfer', null, "A home financing's principal"],
  ['02030002', 'transfer', null, "A vehicle financing's principal"],
  ['02030003', 'transfer', null, "A student loan's principal"],
  ['02040000', 'transfer', null, "A loan's principal, received or paid back"],
  ['03000000', 'investment', null, 'Money put into or taken out of investments'],
  ['03010000', 'investment', null, 'Automatic investment of the balance'],
  ['03020000', 'investment', null, 'Fixed-income investment'],
  ['03030000', 'investment', null, 'Investment funds'],
  ['03040000', 'investment', null, 'Stocks and other variable income'],
  ['03050000', 'investment', null, 'Margin calls on investments'],
  [
    '03060000',
    'investment',
    null,
    "Investments' proceeds (interest, dividends): taxed apart, not the activity's income",
  ],
  ['03070000', 'investment', null, 'Private pension plan contributions'],
  ['04000000', 'transfer', null, 'Between accounts of the same person'],
  ['04010000', 'transfer', null, 'Cash between accounts of the same person'],
  ['04020000', 'transfer', null, 'PIX between accounts of the same person'],
  ['04030000', 'transfer', null, 'TED between accounts of the same person'],
  ['05000000', 'transfer', 'ambiguous', 'A transfer Pluggy could not tell: own accounts, or a payment'],
  ['05010000', 'transfer', 'ambiguous', 'A bank slip transfer: own accounts, or a payment'],
  ['05020000', 'transfer', 'ambiguous', 'A cash transfer: own accounts, or a payment'],
  ['05030000', 'transfer', 'ambiguous', 'A check: own accounts, or a payment'],
  ['05040000', 'transfer', 'ambiguous', 'A DOC: own accounts, or a payment'],
  ['05050000', 'transfer', 'ambiguous', 'Foreign exchange: own accounts abroad, or a payment'],
  ['05060000', 'transfer', 'ambiguous', 'A transfer within the same bank: own accounts, or a payment'],
  ['05070000', 'transfer', 'ambiguous', 'A PIX Pluggy could not tell: own accounts, or a payment'],
  ['05080000', 'transfer', 'ambiguous', 'A TED Pluggy could not tell: own accounts, or a payment'],
  ['05090000', 'nondeductible_expense', 'ambiguous', 'Paid to other people: usually a personal expense'],
  ['05090001', 'nondeductible_expense', 'ambiguous', 'A bank slip paid to someone else'],
  ['05090002', 'nondeductible_expense', 'ambiguous', 'A debit card payment to someone else'],
  ['05090003', 'nondeductible_expense', 'ambiguous', 'A DOC to someone else'],
  ['05090004', 'nondeductible_expense', 'ambiguous', 'A PIX to someone else'],
  ['05090005', 'nondeductible_expense', 'ambiguous', 'A TED to someone else'],
  ['05100000', 'transfer', null, 'Paying the card bill: the purchases count when made, on the card'],
  ['06000000', 'nondeductible_expense', null, 'Legal obligations are personal'],
  ['06010000', 'transfer', null, 'A balance blocked by a court stays the user’s money'],
  ['06020000', 'nondeductible_expense', null, 'Alimony: deducted in the yearly return, not in the livro-caixa'],
  ['07000000', 'nondeductible_expense', 'probably_deductible', 'Services: professional services are custeio'],
  ['07010000', 'nondeductible_expense', 'probably_deductible', "Telecommunications: a home office's custeio"],
  ['07010001', 'nondeductible_expense', 'probably_deductible', "Internet: a home office's custeio"],
  ['07010002', 'nondeductible_expense', 'probably_deductible', "A mobile phone: a home office's custeio"],
  ['07010003', 'nondeductible_expense', null, 'Pay TV is personal'],
  ['07020000', 'nondeductible_expense', null, 'Education: deducted in the yearly return, not in the livro-caixa'],
  ['07020001', 'nondeductible_expense', null, 'Courses are not livro-caixa custeio'],
  ['07020002', 'nondeductible_expense', null, 'University: deducted in the yearly return, not in the livro-caixa'],
  ['07020003', 'nondeductible_expense', null, 'School: deducted in the yearly return, not in the livro-caixa'],
  ['07020004', 'nondeductible_expense', null, 'Kindergarten: deducted in the yearly return, not in the livro-caixa'],
  ['07030000', 'nondeductible_expense', null, 'Wellness is personal'],
  ['07030001', 'nondeductible_expense', null, 'Gyms are personal'],
  ['07030002', 'nondeductible_expense', null, 'Sports are personal'],
  ['07030003', 'nondeductible_expense', null, 'Wellness is personal'],
  ['07040000', 'nondeductible_expense', null, 'Tickets are personal'],
  ['07040001', 'nondeductible_expense', null, 'Stadiums are personal'],
  ['07040002', 'nondeductible_expense', null, 'Museums are personal'],
  ['07040003', 'nondeductible_expense', null, 'Shows are personal'],
  ['08000000', 'nondeductible_expense', null, 'Shopping is personal'],
  ['08010000', 'nondeductible_expense', null, 'Online shopping is personal'],
  ['08020000', 'nondeductible_expense', null, 'Equipment is an asset, not livro-caixa custeio'],
  ['08030000', 'nondeductible_expense', null, 'Pets are personal'],
  ['08040000', 'nondeductible_expense', null, 'Clothing is personal'],
  ['08050000', 'nondeductible_expense', null, "Children's items are personal"],
  ['08060000', 'nondeductible_expense', null, 'Books are personal unless the user says otherwise'],
  ['08070000', 'nondeductible_expense', null, 'Sports goods are personal'],
  ['08080000', 'nondeductible_expense', 'probably_deductible', 'Office supplies: material de expediente is custeio'],
  ['08090000', 'nondeductible_expense', null, 'Cashback gives back part of a purchase: it reduces spending'],
  ['09000000', 'nondeductible_expense', 'probably_deductible', 'Digital services: software for the work is custeio'],
  ['09010000', 'nondeductible_expense', null, 'Games are personal'],
  ['09020000', 'nondeductible_expense', null, 'Video streaming is personal'],
  ['09030000', 'nondeductible_expense', null, 'Music streaming is personal'],
  ['10000000', 'nondeductible_expense', null, 'Groceries are personal'],
  ['11000000', 'nondeductible_expense', null, 'Food is personal'],
  ['11010000', 'nondeductible_expense', null, 'Eating out is personal'],
  ['11020000', 'nondeductible_expense', null, 'Food delivery is personal'],
  ['12000000', 'nondeductible_expense', null, 'Travel is not livro-caixa custeio'],
  ['12010000', 'nondeductible_expense', null, 'Flights are not livro-caixa custeio'],
  ['12020000', 'nondeductible_expense', null, 'Lodging is not livro-caixa custeio'],
  ['12030000', 'nondeductible_expense', null, 'Mileage programs are personal'],
  ['12040000', 'nondeductible_expense', null, 'Bus tickets are not livro-caixa custeio'],
  [
    '13000000',
    'nondeductible_expense',
    null,
    'Donations: some are deducted in the yearly return, none in the livro-caixa',
  ],
  ['14000000', 'nondeductible_expense', null, 'Gambling is personal'],
  ['14010000', 'nondeductible_expense', null, 'Lotteries are personal'],
  ['14020000', 'nondeductible_expense', null, 'Betting is personal'],
  ['15000000', 'tax', null, 'Taxes and government fees'],
  ['15010000', 'tax', null, 'Income tax (IRPF, Carnê-Leão)'],
  ['15020000', 'tax', null, 'Tax on investments'],
  ['15030000', 'tax', null, 'IOF, the tax on financial operations'],
  ['16000000', 'nondeductible_expense', null, 'Bank fees of a personal account'],
  ['16010000', 'nondeductible_expense', null, 'Account fees of a personal account'],
  ['16020000', 'nondeductible_expense', null, 'Transfer and ATM fees of a personal account'],
  ['16030000', 'nondeductible_expense', null, 'Credit card fees of a personal card'],
  ['17000000', 'nondeductible_expense', null, 'Housing is personal'],
  ['17010000', 'nondeductible_expense', null, 'Rent of the home is personal'],
  ['17020000', 'nondeductible_expense', null, 'Utilities are personal, but for electricity'],
  ['17020001', 'nondeductible_expense', null, 'Water is personal'],
  ['17020002', 'nondeductible_expense', 'probably_deductible', "Electricity: a home office's custeio"],
  ['17020003', 'nondeductible_expense', null, 'Gas is personal'],
  ['17030000', 'nondeductible_expense', null, 'Houseware is personal'],
  ['17040000', 'tax', null, 'IPTU, the urban property tax'],
  ['18000000', 'nondeductible_expense', null, 'Health: deducted in the yearly return, not in the livro-caixa'],
  ['18010000', 'nondeductible_expense', null, 'Dentists: deducted in the yearly return, not in the livro-caixa'],
  ['18020000', 'nondeductible_expense', null, 'Pharmacies are personal'],
  ['18030000', 'nondeductible_expense', null, 'Opticians are personal'],
  ['18040000', 'nondeductible_expense', null, 'Hospitals: deducted in the yearly return, not in the livro-caixa'],
  ['19000000', 'nondeductible_expense', null, 'Transport is not livro-caixa custeio'],
  ['19010000', 'nondeductible_expense', null, 'Taxis and rides are not livro-caixa custeio'],
  ['19020000', 'nondeductible_expense', null, 'Public transport is not livro-caixa custeio'],
  ['19030000', 'nondeductible_expense', null, 'Car rental is not livro-caixa custeio'],
  ['19040000', 'nondeductible_expense', null, 'Bicycle rental is personal'],
  ['19050000', 'nondeductible_expense', null, 'Vehicles are not livro-caixa custeio'],
  ['19050001', 'nondeductible_expense', null, 'Fuel is not livro-caixa custeio'],
  ['19050002', 'nondeductible_expense', null, 'Parking is not livro-caixa custeio'],
  ['19050003', 'nondeductible_expense', null, 'Tolls are not livro-caixa custeio'],
  ['19050004', 'tax', null, 'IPVA, licensing and vehicle fees'],
  ['19050005', 'nondeductible_expense', null, 'Vehicle maintenance is not livro-caixa custeio'],
  ['19050006', 'nondeductible_expense', null, 'Traffic fines are never deductible'],
  ['20000000', 'nondeductible_expense', null, 'Insurance is personal'],
  ['200100000', 'nondeductible_expense', null, 'Life insurance is personal'],
  ['200200000', 'nondeductible_expense', null, 'Home insurance is personal'],
  [
    '200300000',
    'nondeductible_expense',
    null,
    'Health insurance: deducted in the yearly return, not in the livro-caixa',
  ],
  ['200400000', 'nondeductible_expense', null, 'Vehicle insurance is personal'],
  ['21000000', 'nondeductible_expense', null, 'Leisure is personal'],
  ['99999999', 'nondeductible_expense', 'ambiguous', 'Pluggy could not tell: an expense until the user says'],
];

export interface DefaultClassification {
  group: ReportGroup;
  review: ClassificationReview | null;
  reason: string;
}

export const pluggyClassification: ReadonlyMap<string, DefaultClassification> = new Map(
  lines.map(([id, group, review, reason]) => [id, { group, review, reason }]),
);

/**
 * For a category Pluggy adds after this table was written: its nearest listed ancestor's
 * group (a new kind of income stays income), asked about; with none, an expense, asked about.
 */
export function unlistedClassification(ancestorIds: readonly string[]): DefaultClassification {
  const known = ancestorIds.map((id) => pluggyClassification.get(id)).find((each) => each !== undefined);
  return {
    group: known?.group ?? 'nondeductible_expense',
    review: 'unknown',
    reason: 'Not in Balancete’s table yet',
  };
}
