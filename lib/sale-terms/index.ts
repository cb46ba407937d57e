export {
  SALE_BLOCKS,
  saleBlockName,
  saleBlockWords,
  type NotRefundableKind,
  type SaleBlock,
  type SalePath,
} from "./sale-block";
