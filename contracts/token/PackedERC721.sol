// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC721Utils} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Utils.sol";
import {TicketPacking as P} from "../libraries/TicketPacking.sol";

/// @title PackedERC721
/// @notice ERC-721 (OpenZeppelin 5 interfaces, ERC-6093 errors) over packed storage: owner and flags
/// share one word per token, balance and purchases one word per wallet (layouts in TicketPacking).
/// @dev As in OpenZeppelin's ERC721, every ownership change after mint goes through the virtual
/// `_update`: a derived contract adds its transfer policy by overriding it and calling `super._update`.
/// `auth` zero skips the authorization check (a privileged move). Mints write fresh words in the
/// derived contract; burns do not exist. `_creditWallet` (wallet caps) and the approval checks are
/// left to the derived contract.
abstract contract PackedERC721 is IERC721Metadata, IERC721Errors {
    using P for uint256;

    string private _name;
    string private _symbol;
    mapping(uint256 tokenId => uint256) internal _tokens;
    mapping(address wallet => uint256) internal _wallets;
    mapping(uint256 tokenId => address) private _tokenApprovals;
    mapping(address owner => mapping(address operator => bool)) private _operatorApprovals;

    constructor(string memory name_, string memory symbol_) {
        _name = name_;
        _symbol = symbol_;
    }

    /// @inheritdoc IERC721Metadata
    function name() external view returns (string memory) {
        return _name;
    }

    /// @inheritdoc IERC721Metadata
    function symbol() external view returns (string memory) {
        return _symbol;
    }

    /// @inheritdoc IERC721
    function balanceOf(address owner) external view returns (uint256) {
        if (owner == address(0)) revert ERC721InvalidOwner(address(0));
        return _wallets[owner] & P.BALANCE_MASK;
    }

    /// @inheritdoc IERC721
    function ownerOf(uint256 tokenId) external view returns (address) {
        return _requireOwned(tokenId);
    }

    /// @inheritdoc IERC721
    function getApproved(uint256 tokenId) external view returns (address) {
        _requireOwned(tokenId);
        return _tokens[tokenId] & P.APPROVED == 0 ? address(0) : _tokenApprovals[tokenId];
    }

    /// @inheritdoc IERC721
    function isApprovedForAll(address owner, address operator) public view returns (bool) {
        return _operatorApprovals[owner][operator];
    }

    /// @inheritdoc IERC721
    /// @dev A non-zero approval is first vetted by `_checkApproval`.
    function approve(address to, uint256 tokenId) external {
        uint256 word = _tokens[tokenId];
        address owner = word.owner();
        if (owner == address(0)) revert ERC721NonexistentToken(tokenId);
        if (msg.sender != owner && !_operatorApprovals[owner][msg.sender]) revert ERC721InvalidApprover(msg.sender);
        if (to != address(0)) {
            _checkApproval(word, tokenId, to);
            _tokens[tokenId] = word | P.APPROVED;
        } else if (word & P.APPROVED != 0) {
            _tokens[tokenId] = word & ~P.APPROVED;
        }
        _tokenApprovals[tokenId] = to;
        emit Approval(owner, to, tokenId);
    }

    /// @inheritdoc IERC721
    /// @dev Granting is first vetted by `_checkOperator`.
    function setApprovalForAll(address operator, bool approved) external {
        if (operator == address(0)) revert ERC721InvalidOperator(operator);
        if (approved) _checkOperator(operator);
        _operatorApprovals[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    /// @inheritdoc IERC721
    function transferFrom(address from, address to, uint256 tokenId) public {
        address previousOwner = _update(to, tokenId, msg.sender);
        if (previousOwner != from) revert ERC721IncorrectOwner(from, tokenId, previousOwner);
    }

    /// @inheritdoc IERC721
    function safeTransferFrom(address from, address to, uint256 tokenId) external {
        safeTransferFrom(from, to, tokenId, "");
    }

    /// @inheritdoc IERC721
    function safeTransferFrom(address from, address to, uint256 tokenId, bytes memory data) public {
        transferFrom(from, to, tokenId);
        ERC721Utils.checkOnERC721Received(msg.sender, from, to, tokenId, data);
    }

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) public view virtual returns (bool) {
        return interfaceId == type(IERC721).interfaceId || interfaceId == type(IERC721Metadata).interfaceId
            || interfaceId == type(IERC165).interfaceId;
    }

    /// @dev Moves `tokenId` to `to` and returns its previous owner. `auth` zero: no authorization check.
    function _update(address to, uint256 tokenId, address auth) internal virtual returns (address from) {
        uint256 word = _tokens[tokenId];
        from = word.owner();
        if (from == address(0)) revert ERC721NonexistentToken(tokenId);
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        if (
            auth != from && auth != address(0) && !_operatorApprovals[from][auth]
                && (word & P.APPROVED == 0 || _tokenApprovals[tokenId] != auth)
        ) revert ERC721InsufficientApproval(auth, tokenId);
        if (word & P.APPROVED != 0) {
            delete _tokenApprovals[tokenId];
            word &= ~P.APPROVED;
        }
        unchecked {
            _wallets[from] -= 1;
        }
        _creditWallet(to, 1, 0);
        _tokens[tokenId] = word.withOwner(to);
        emit Transfer(from, to, tokenId);
    }

    /// @dev Adds `n` to a wallet's balance and `bought` to its purchases (caps are the derived contract's).
    function _creditWallet(address wallet, uint256 n, uint256 bought) internal virtual;

    /// @dev Reverts when `to` may not be approved for `tokenId` (whose word is `word`).
    function _checkApproval(uint256 word, uint256 tokenId, address to) internal view virtual;

    /// @dev Reverts when `operator` may not be approved for all of a holder's tokens.
    function _checkOperator(address operator) internal view virtual;

    function _requireWord(uint256 tokenId) internal view returns (uint256 word) {
        word = _tokens[tokenId];
        if (word == 0) revert ERC721NonexistentToken(tokenId);
    }

    function _requireOwned(uint256 tokenId) internal view returns (address) {
        return _requireWord(tokenId).owner();
    }
}
